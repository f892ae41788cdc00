import type { z } from 'zod';
import { fieldLabels } from './fieldLabels/index.js';

/**
 * The one place the contract's default validation messages are made: Chinese, naming the field
 * (fieldLabels) and saying what to do. A message written on a schema still wins; this covers
 * every issue kind zod raises where none was written.
 */
type Issue = z.core.$ZodRawIssue;

/** The field an issue is about: its last named key, plus the position when it is inside a list. */
export function fieldOf(path: ReadonlyArray<PropertyKey> | undefined): string {
  const segments = path ?? [];
  for (let index = segments.length - 1; index >= 0; index -= 1) {
    const key = segments[index];
    if (typeof key !== 'string') continue;
    const label = fieldLabels[key] ?? '';
    const position = segments[index + 1];
    return typeof position === 'number' && label ? `${label}第 ${position + 1} 项` : label;
  }
  return '';
}

const typeNames: Readonly<Record<string, string>> = {
  number: '数字',
  int: '整数',
  string: '文字',
  boolean: '“是”或“否”',
  array: '列表',
  object: '完整的内容',
  date: '日期',
};

const formatNames: Readonly<Record<string, string>> = {
  date: '（应为 YYYY-MM-DD）',
  datetime: '（应为 ISO 8601 时间）',
  time: '（应为 HH:MM）',
  email: '（应为电子邮箱地址）',
  url: '（应为网址）',
};

/** A choice (a list, a switch, a record picked by id) is chosen; anything else is filled in. */
function isChoice(issue: Issue, path: ReadonlyArray<PropertyKey>): boolean {
  const kind = (issue.inst as { _zod?: { def?: { type?: string } } } | undefined)?._zod?.def?.type;
  const key = [...path].reverse().find((segment) => typeof segment === 'string');
  return kind === 'enum' || kind === 'literal' || kind === 'boolean' || (typeof key === 'string' && /Ids?$/.test(key));
}

const missing = (input: unknown) => input === undefined || input === null || input === '';

function sizeMessage(issue: Issue & { code: 'too_small' | 'too_big' }, field: string, choice: boolean): string {
  const small = issue.code === 'too_small';
  const bound = Number(small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum);
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case 'string':
      if (small) return bound <= 1 ? `请填写${field}。` : `${field}至少 ${bound} 个字符。`;
      return `${field}不能超过 ${bound} 个字符。`;
    case 'array':
    case 'set':
      if (small) return bound <= 1 ? `请至少选择或填写一项${field}。` : `${field}至少 ${bound} 项。`;
      return `${field}最多 ${bound} 项。`;
    case 'file':
      return small ? `${field}是空的。` : `${field}过大。`;
    default:
      if (small && choice && bound === 0) return `请选择${field}。`;
      if (small) return inclusive ? `${field}不能小于 ${bound}。` : `${field}须大于 ${bound}。`;
      return inclusive ? `${field}不能大于 ${bound}。` : `${field}须小于 ${bound}。`;
  }
}

/**
 * The message for one issue, or undefined for a field without a name (zod then falls back to its
 * zh-CN locale): every contract input key has one, so only other schemas (scale files) fall back.
 */
export function chineseIssueMessage(issue: Issue): string | undefined {
  const path = issue.path ?? [];
  const field = fieldOf(path);
  if (issue.code === 'unrecognized_keys') return `${field ? `${field}中` : ''}有不认识的项：${issue.keys.join('、')}。`;
  if (!field) return undefined;
  const choice = isChoice(issue, path);
  switch (issue.code) {
    case 'invalid_type':
      if (missing(issue.input)) return choice ? `请选择${field}。` : `请填写${field}。`;
      if (typeof issue.input === 'number' && Number.isNaN(issue.input)) return `请填写${field}。`;
      return `${field}须为${typeNames[issue.expected] ?? '正确的类型'}。`;
    case 'too_small':
    case 'too_big':
      return sizeMessage(issue, field, choice);
    case 'invalid_format':
      return `${field}格式不正确${formatNames[issue.format] ?? ''}。`;
    case 'not_multiple_of':
      return `${field}须为 ${String(issue.divisor)} 的倍数。`;
    case 'invalid_value':
      return missing(issue.input) || issue.values.length > 1 ? `请选择${field}。` : `${field}的取值无效。`;
    case 'invalid_key':
    case 'invalid_element':
      return `${field}中有无效的内容。`;
    case 'invalid_union':
      return missing(issue.input) ? `请填写${field}。` : `${field}填写有误。`;
    default:
      return `${field}填写有误。`;
  }
}
