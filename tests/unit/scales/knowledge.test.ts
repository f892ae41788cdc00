import { describe, expect, it } from 'vitest';
import { builtinQuestionnaires } from '../../../shared/scales/knowledgeLibrary.js';
import { builtinScales } from '../../../shared/scales/library.js';
import { correctLabels, scoreKnowledge } from '../../../shared/scales/knowledge.js';
import { validateDefinition } from '../../../shared/scales/validateDefinition.js';

const mhl = builtinQuestionnaires.get('MHL-TEN-2018')!;
/** The questionnaire as loose JSON data, for changes the types would not allow. */
type Raw = { kind: string; items: Array<Record<string, unknown>>; scoring: Record<string, unknown>; sources: Array<{ claim: string }>; licence: Record<string, unknown> };
/** The questionnaire as JSON data with one change applied, for the validator. */
const changed = (change: (raw: Raw) => void) => {
  const raw = structuredClone(mhl) as unknown as Raw;
  change(raw);
  return validateDefinition(raw);
};
const problems = (change: (raw: Raw) => void) => {
  const checked = changed(change);
  return checked.ok ? [] : checked.problems;
};

describe('knowledge questionnaires in the scale definition format', () => {
  it('ships the 心理健康素养十条 questionnaire and the station-awareness one, valid, kept out of the scale library', () => {
    expect([...builtinQuestionnaires.keys()].sort()).toEqual(['MHL-TEN-2018', 'STATION-AWARENESS']);
    for (const definition of builtinQuestionnaires.values()) {
      expect(validateDefinition(definition)).toMatchObject({ ok: true });
      expect(definition.kind).toBe('knowledge');
      expect(builtinScales.has(definition.id)).toBe(false);
    }
    expect([...builtinScales.values()].every((definition) => definition.kind === 'scale')).toBe(true);
    expect(mhl.items).toHaveLength(10);
    expect(mhl.scoring.pass).toEqual({ minCorrect: 8 });
    // Both kinds of statement, so that agreeing with everything is not 知晓.
    expect(new Set(mhl.items.map((item) => item.correct![0]))).toEqual(new Set([1, 2]));
  });

  it('refuses a bad questionnaire with a Chinese reason naming the item', () => {
    expect(problems((raw) => delete raw.items[2]!.correct)).toContain('知晓率问卷的题目 s3 没有标出正确答案（correct）。');
    expect(problems((raw) => (raw.items[0]!.correct = [5]))).toContain('题目 s1 的正确答案 5 不是它的选项之一。');
    expect(problems((raw) => (raw.items[0]!.correct = [1, 2, 9]))).toContain('题目 s1 的每个选项都算答对，不能区分是否知晓。');
    expect(problems((raw) => (raw.items[0]!.correct = [1, 1]))).toContain('题目 s1 的正确答案重复。');
    expect(problems((raw) => delete raw.scoring.pass)[0]).toContain('须给出知晓判定规则');
    expect(problems((raw) => (raw.scoring.pass = { minCorrect: 11 }))).toContain('知晓判定要求答对 11 题，但问卷只有 10 题。');
    expect(problems((raw) => (raw.sources = raw.sources.filter((source) => source.claim !== 'correct')))).toContain('正确答案须注明来源（sources 中 claim 为 correct）。');
    expect(problems((raw) => (raw.items[1]!.enableIf = { answered: 's1' }))).toContain('知晓率问卷的题目 s2 不能有反向计分、计分映射、跳题、适用对象或不计分设置。');
    expect(problems((raw) => (raw.scoring.critical = [{ id: 'x', when: { item: 's1', op: '==', value: 2 }, message: { zh: 'x' } }]))).toContain('知晓率问卷不能有分级、危急条目、筛查规则、分量表、分数转换或缺项规则。');
    expect(problems((raw) => (raw.licence.textIncluded = false))[0]).toContain('须附带题目文字');
    // A scale may carry neither correct answers nor a pass rule.
    expect(problems((raw) => (raw.kind = 'scale'))).toEqual(expect.arrayContaining(['只有知晓率问卷（kind 为 knowledge）才有知晓判定规则（scoring.pass）。']));
  });

  it('scores correct answers, 知晓 at the pass rule, and refuses missing or foreign answers', () => {
    const key = mhl.items.map((item) => item.correct![0]!);
    expect(scoreKnowledge(mhl, key)).toEqual({ correct: key.map(() => true), correctCount: 10, itemCount: 10, aware: true });
    const eight = [...key.slice(0, 8), 9, 9];
    expect(scoreKnowledge(mhl, eight)).toMatchObject({ correctCount: 8, aware: true });
    expect(scoreKnowledge(mhl, [...key.slice(0, 7), 9, 9, 9])).toMatchObject({ correctCount: 7, aware: false });
    expect(() => scoreKnowledge(mhl, [...key.slice(0, 8), null, null])).toThrow('第 9、10 题未作答');
    expect(() => scoreKnowledge(mhl, [...key.slice(0, 9), 4])).toThrow('第 10 题的答案不是该题的选项');
    expect(() => scoreKnowledge(mhl, key.slice(0, 9))).toThrow('问卷有 10 道题，收到 9 个答案');
    expect(() => scoreKnowledge(builtinScales.get('PHQ-9')!, key)).toThrow('不是知晓率问卷');
    expect(correctLabels(mhl, 1)).toEqual(['错']);
  });
});
