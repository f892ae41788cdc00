import { scaleDefinitionSchema, type Condition, type ScaleDefinition } from './definitionSchema.js';

export type DefinitionCheck = { ok: true; definition: ScaleDefinition } | { ok: false; problems: string[] };

function conditionRefs(condition: Condition): { items: string[]; subscales: string[] } {
  if ('any' in condition || 'all' in condition) {
    const parts = ('any' in condition ? condition.any : condition.all).map(conditionRefs);
    return { items: parts.flatMap((part) => part.items), subscales: parts.flatMap((part) => part.subscales) };
  }
  if ('item' in condition) return { items: [condition.item], subscales: [] };
  if ('answered' in condition) return { items: [condition.answered], subscales: [] };
  if ('subscale' in condition) return { items: [], subscales: [condition.subscale] };
  if ('anySubscale' in condition) return { items: [], subscales: condition.anySubscale };
  if ('countItems' in condition) return { items: condition.countItems.items ?? [], subscales: [] };
  return { items: [], subscales: [] };
}

/** What only a knowledge questionnaire has (correct answers, a pass rule), refused on a scale. */
function scaleProblems(definition: ScaleDefinition): string[] {
  const problems = definition.items.filter((item) => item.correct !== undefined).map((item) => `题目 ${item.id} 标有正确答案，但只有知晓率问卷（kind 为 knowledge）才有正确答案。`);
  if (definition.scoring.pass) problems.push('只有知晓率问卷（kind 为 knowledge）才有知晓判定规则（scoring.pass）。');
  return problems;
}

/**
 * A knowledge questionnaire (知晓率问卷): every item has correct answers among its options, the total is the number
 * answered correctly, a pass rule says who counts as 知晓, and nothing of a clinical scale's scoring applies.
 */
function knowledgeProblems(definition: ScaleDefinition): string[] {
  const problems: string[] = [];
  const { scoring } = definition;
  for (const item of definition.items) {
    const options = typeof item.options === 'string' ? definition.optionSets[item.options] : item.options;
    if (!item.correct) {
      problems.push(`知晓率问卷的题目 ${item.id} 没有标出正确答案（correct）。`);
    } else if (options) {
      const values = new Set(options.map((option) => option.value));
      for (const value of item.correct) if (!values.has(value)) problems.push(`题目 ${item.id} 的正确答案 ${value} 不是它的选项之一。`);
      if (new Set(item.correct).size !== item.correct.length) problems.push(`题目 ${item.id} 的正确答案重复。`);
      if (item.correct.length >= values.size) problems.push(`题目 ${item.id} 的每个选项都算答对，不能区分是否知晓。`);
    }
    if (item.reverse || item.scoreMap || item.enableIf || item.appliesTo || item.nullScore !== undefined || !item.scored) {
      problems.push(`知晓率问卷的题目 ${item.id} 不能有反向计分、计分映射、跳题、适用对象或不计分设置。`);
    }
  }
  if (scoring.method !== 'sum') problems.push('知晓率问卷按答对题数计分，scoring.method 须为 sum。');
  if (scoring.bands.length > 0 || scoring.critical.length > 0 || scoring.screening.length > 0 || scoring.subscales.length > 0 || scoring.transform || scoring.missing || scoring.reverseBase !== undefined) {
    problems.push('知晓率问卷不能有分级、危急条目、筛查规则、分量表、分数转换或缺项规则。');
  }
  if (!scoring.pass) problems.push('知晓率问卷须给出知晓判定规则（scoring.pass.minCorrect：至少答对几题为知晓）。');
  else if (scoring.pass.minCorrect > definition.items.length) problems.push(`知晓判定要求答对 ${scoring.pass.minCorrect} 题，但问卷只有 ${definition.items.length} 题。`);
  const claims = new Set(definition.sources.map((source) => source.claim));
  if (!claims.has('correct')) problems.push('正确答案须注明来源（sources 中 claim 为 correct）。');
  if (!claims.has('pass')) problems.push('知晓判定规则须注明来源（sources 中 claim 为 pass）。');
  if (!definition.licence.textIncluded) problems.push('知晓率问卷须附带题目文字（licence.textIncluded 为 true）：居民在纸上或终端上自行作答。');
  return problems;
}

/**
 * Everything the schema cannot say: references resolve, bands ascend, every cut-off has a source.
 * Ambiguity is refused with a precise Chinese message, never guessed.
 */
export function validateDefinition(raw: unknown): DefinitionCheck {
  const parsed = scaleDefinitionSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || '（根）'}：${issue.message}`) };
  }
  const definition = parsed.data;
  const problems: string[] = [];
  const itemIds = new Set<string>();
  for (const item of definition.items) {
    if (itemIds.has(item.id)) problems.push(`题目编号 ${item.id} 重复。`);
    itemIds.add(item.id);
    const options = typeof item.options === 'string' ? definition.optionSets[item.options] : item.options;
    if (!options) {
      problems.push(`题目 ${item.id} 引用的选项集“${String(item.options)}”不存在。`);
      continue;
    }
    const values = options.map((option) => option.value);
    if (new Set(values).size !== values.length) problems.push(`题目 ${item.id} 的选项编码重复。`);
    if (item.scoreMap && Object.keys(item.scoreMap).sort().join() !== values.map(String).sort().join()) {
      problems.push(`题目 ${item.id} 的计分映射与选项编码不一致。`);
    }
    if (item.reverse && definition.scoring.reverseBase === undefined) problems.push(`题目 ${item.id} 为反向计分，但未给出 reverseBase。`);
  }
  const subscaleIds = new Set(definition.scoring.subscales.map((subscale) => subscale.id));
  for (const subscale of definition.scoring.subscales) {
    for (const id of subscale.items) if (!itemIds.has(id)) problems.push(`分量表 ${subscale.id} 引用了不存在的题目 ${id}。`);
  }
  const conditions: Array<[string, Condition]> = [
    ...definition.items.flatMap((item) => (item.enableIf ? [[`题目 ${item.id} 的显示条件`, item.enableIf] as [string, Condition]] : [])),
    ...definition.scoring.critical.map((rule) => [`危急条目 ${rule.id}`, rule.when] as [string, Condition]),
    ...definition.scoring.screening.map((rule) => [`筛查规则 ${rule.id}`, rule.when] as [string, Condition]),
    ...definition.scoring.bands.flatMap((band) => (band.when ? [[`分级 ${band.id}`, band.when] as [string, Condition]] : [])),
  ];
  for (const [where, condition] of conditions) {
    const refs = conditionRefs(condition);
    for (const id of refs.items) if (!itemIds.has(id)) problems.push(`${where}引用了不存在的题目 ${id}。`);
    for (const id of refs.subscales) if (!subscaleIds.has(id)) problems.push(`${where}引用了不存在的分量表 ${id}。`);
  }
  const bands = definition.scoring.bands;
  const byScore = bands.filter((band) => band.min !== undefined);
  if (byScore.length > 0 && byScore.length !== bands.length) problems.push('分级须全部按分数（min）或全部按规则（when）定义，不能混用。');
  if (bands.some((band) => band.min !== undefined && band.when !== undefined)) problems.push('同一分级不能同时有 min 和 when。');
  for (let index = 1; index < byScore.length; index += 1) {
    if (byScore[index]!.min! <= byScore[index - 1]!.min!) problems.push(`分级须按分数从低到高排列：${byScore[index]!.id} 的下限不高于前一级。`);
  }
  if (new Set(bands.map((band) => band.id)).size !== bands.length) problems.push('分级编号重复。');
  const claims = new Set(definition.sources.map((source) => source.claim));
  if (bands.length > 0 && !claims.has('bands')) problems.push('分级界值须注明来源（sources 中 claim 为 bands）。');
  if (definition.scoring.critical.length > 0 && !claims.has('critical')) problems.push('危急条目须注明来源（sources 中 claim 为 critical）。');
  if (definition.scoring.screening.length > 0 && !claims.has('screening')) problems.push('筛查规则须注明来源（sources 中 claim 为 screening）。');
  if (definition.licence.textIncluded && definition.items.some((item) => item.text === null)) problems.push('许可允许附带题目文字时，每道题都须有文字。');
  problems.push(...(definition.kind === 'knowledge' ? knowledgeProblems(definition) : scaleProblems(definition)));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, definition };
}

/** A definition shipped with the app, of the library's kind: a failure is a build bug, thrown at load. */
export function loadShipped(raw: unknown, kind: ScaleDefinition['kind']): ScaleDefinition {
  const checked = validateDefinition(raw);
  if (!checked.ok) throw new Error(`shipped definition is invalid: ${checked.problems.join('; ')}`);
  if (checked.definition.kind !== kind) throw new Error(`shipped definition ${checked.definition.id} is not of kind ${kind}`);
  return checked.definition;
}
