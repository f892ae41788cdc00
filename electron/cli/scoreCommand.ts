import fs from 'node:fs';
import { builtinScaleIds, builtinScales } from '../../shared/scales/library.js';
import { scoreAnswers, ScoreError } from '../../shared/scales/score.js';
import { CliError } from './cliSession.js';
import type { CommandArgs } from './commands.js';

type Print = (line: string) => void;

function parseAnswers(json: string): Array<number | null> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new ScoreError('答案不是有效的 JSON 数组。');
  }
  return checkAnswers(value);
}

function checkAnswers(value: unknown): Array<number | null> {
  if (!Array.isArray(value) || !value.every((answer) => answer === null || typeof answer === 'number')) {
    throw new ScoreError('答案须为选项编码组成的 JSON 数组，跳过的题目写 null。');
  }
  return value as Array<number | null>;
}

function score(scaleId: unknown, answers: Array<number | null>) {
  const definition = typeof scaleId === 'string' ? builtinScales.get(scaleId) : undefined;
  if (!definition) throw new ScoreError(`没有编号为 ${String(scaleId)} 的量表。可用：${builtinScaleIds.join('、')}`);
  return scoreAnswers(definition, answers);
}

const errorOf = (error: unknown) => ({
  code: error instanceof ScoreError ? 'INVALID_INPUT' : 'INTERNAL',
  message: error instanceof Error ? error.message : String(error),
  ...(error instanceof ScoreError ? { details: error.details } : {}),
});

/**
 * `xinyi score SCALE_ID '[answers]'` prints one result; `xinyi score --batch FILE` reads JSON lines
 * {"id","scale","answers"} and writes one JSON line per input. No station is opened.
 */
export function scoreCommand(args: CommandArgs, print: Print): void {
  const batch = args.flags.batch;
  if (typeof batch === 'string') {
    let text: string;
    try {
      text = fs.readFileSync(batch, 'utf8');
    } catch {
      throw new CliError(`无法读取文件：${batch}`);
    }
    text.split(/\r?\n/).forEach((line, index) => {
      if (line.trim() === '') return;
      let id: unknown = index + 1;
      try {
        const record = JSON.parse(line) as { id?: unknown; scale?: unknown; answers?: unknown };
        id = record.id ?? id;
        print(JSON.stringify({ id, ...score(record.scale, checkAnswers(record.answers ?? null)) }));
      } catch (error) {
        print(JSON.stringify({ id, ok: false, error: errorOf(error instanceof SyntaxError ? new ScoreError(`第 ${index + 1} 行不是有效的 JSON。`) : error) }));
      }
    });
    return;
  }
  const [scaleId, json] = args.positionals;
  if (!scaleId || json === undefined) throw new CliError("用法：xinyi score 量表编号 '[选项编码…]'，或 xinyi score --batch 文件", 2);
  try {
    print(JSON.stringify(score(scaleId, parseAnswers(json)), null, 2));
  } catch (error) {
    if (error instanceof ScoreError) throw new CliError(error.message, 1, { code: 'INVALID_INPUT', message: error.message, details: error.details });
    throw error;
  }
}
