import { describe, expect, it } from 'vitest';
import { builtinTemplates } from '../../../shared/checklist/library.js';
import { scoreChecklist } from '../../../shared/checklist/scoring.js';
import type { ChecklistTemplate } from '../../../shared/checklist/templateSchema.js';
import { validateTemplate } from '../../../shared/checklist/validateTemplate.js';

/** A small template with every scoring model: 10 + 5 + 10 + 10 = 35 points. */
const sample = {
  id: 'sample',
  version: 1,
  name: '示例模板',
  level: 'community',
  source: { kind: 'composite', citation: '测试用' },
  passPercent: 60,
  grades: [
    { code: 'A', label: '优秀', minPercent: 90 },
    { code: 'B', label: '合格', minPercent: 60 },
  ],
  sections: [
    {
      id: 'venue',
      title: '场地',
      items: [
        { id: 'area', title: '面积', requirement: '不小于 12m²', scoring: { model: 'passFail', points: 10 }, key: true, methods: ['siteVisit'], evidence: { attachments: ['photo'] } },
        { id: 'rooms', title: '功能区', requirement: '功能区', scoring: { model: 'levels', levels: [{ points: 0, text: '没有' }, { points: 1, text: '2 个' }, { points: 3, text: '4 个' }, { points: 5, text: '全部' }] }, methods: ['siteVisit'] },
      ],
    },
    {
      id: 'work',
      title: '工作',
      items: [
        { id: 'hours', title: '开放', requirement: '每周 ≥ 8 小时', scoring: { model: 'formula', points: 10, figure: 'weeklyOpenHours', comparison: 'atLeast', threshold: 8 }, methods: ['records'], evidence: { figure: { id: 'weeklyOpenHours', comparison: 'atLeast', threshold: 8 } } },
        { id: 'rules', title: '制度', requirement: '八项制度', scoring: { model: 'proportional', points: 10, figure: 'managementRulesAdopted', target: 8 }, tier: 'model', methods: ['materials'], evidence: { attachments: ['ruleText'] } },
      ],
    },
  ],
};
const template = () => {
  const checked = validateTemplate(sample);
  if (!checked.ok) throw new Error(checked.problems.join('; '));
  return checked.template;
};

describe('checklist templates (issue 13)', () => {
  it('ships the templates named in the issue, each valid, labelled official or composite with its source', () => {
    expect([...builtinTemplates.keys()]).toEqual(['yongchuan-community-five-ones', 'yongchuan-street-station', 'guangdong-yuexinan-six', 'zongzhi-five-haves', 'beijing-community-station', 'beijing-street-centre', 'shenzhen-community-room']);
    for (const shipped of builtinTemplates.values()) {
      expect(validateTemplate(shipped), shipped.id).toMatchObject({ ok: true });
      expect(shipped.source.citation.length, shipped.id).toBeGreaterThan(10);
    }
    const fiveOnes = builtinTemplates.get('yongchuan-community-five-ones')!;
    expect(fiveOnes.source.kind).toBe('official');
    // As seed 003 words it: 一个场地 (≥ 12 m²), 一名工作人员, 一套管理服务制度 (eight), 一个团队支撑服务.
    expect(fiveOnes.sections.map((section) => section.title)).toEqual(['一个场地', '一名工作人员', '一套管理服务制度', '一个团队支撑服务']);
    expect(fiveOnes.sections[0]!.items[0]!.requirement).toContain('面积不小于 12m²');
    expect(fiveOnes.sections[2]!.items[0]!.scoring).toEqual({ model: 'proportional', points: 10, figure: 'managementRulesAdopted', target: 8 });
    expect(builtinTemplates.get('yongchuan-street-station')!.sections[0]!.items[0]!.requirement).toContain('总面积不小于 25m²');
  });

  it('refuses a malformed import with the exact place of every problem, in Chinese', () => {
    const broken = structuredClone(sample) as typeof sample & Record<string, unknown>;
    broken.sections[0]!.items[1]!.scoring = { model: 'levels', levels: [{ points: 1, text: '有' }, { points: 1, text: '多' }] };
    broken.sections[1]!.items[0]!.id = 'area';
    (broken.sections[1]!.items[1]! as { scoring: unknown }).scoring = { model: 'proportional', points: 10, figure: 'staffWorking', target: 2 };
    broken.sections[1]!.items[1]!.methods = ['materials'];
    broken.sections[1]!.items[1]!.evidence = { attachments: [] };
    broken.grades = [
      { code: 'B', label: '合格', minPercent: 60 },
      { code: 'A', label: '优秀', minPercent: 90 },
    ];
    const checked = validateTemplate(broken);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.problems).toEqual([
      '“场地”的条目 rooms（功能区）：最低一档须为 0 分（未达到）。',
      '“场地”的条目 rooms（功能区）：各档分值须从低到高排列，第 2 档不高于前一档。',
      '条目编号 area 重复。',
      '“工作”的条目 rules（制度）：评估方式只有材料审核，须列出需要的材料（evidence.attachments）或本站记录中的数据（evidence.figure）。',
      '等级须从高到低排列：优秀 的下限不低于前一级。',
    ]);
    const unknownFigure = structuredClone(sample);
    (unknownFigure.sections[1]!.items[0]!.scoring as { figure: string }).figure = 'coffeeCups';
    const refused = validateTemplate(unknownFigure);
    expect(!refused.ok && refused.problems[0]).toMatch(/^sections\.1\.items\.0\.scoring\.figure：/);
  });

  it('scores by hand-computed cases: levels, formula, proportional, ★ failure, grades and what is missing', () => {
    const scoring = (answers: Parameters<typeof scoreChecklist>[1], figures: Parameters<typeof scoreChecklist>[2]) => scoreChecklist(template(), answers, figures);
    // area met 10, rooms level 2 → 3, hours 9 ≥ 8 → 10, rules 6 of 8 → 7.5: 30.5 of 35 = 87.1% → B.
    const good = scoring({ area: { met: true }, rooms: { level: 2 } }, { weeklyOpenHours: 9, managementRulesAdopted: 6 });
    expect([good.score, good.max, good.percent, good.passes, good.grade?.code, good.modelReached]).toEqual([30.5, 35, 87.1, true, 'B', false]);
    expect(good.sections).toEqual([
      { id: 'venue', score: 13, max: 15 },
      { id: 'work', score: 17.5, max: 20 },
    ]);
    expect(good.shortfall).toEqual(['rules', 'rooms']);
    expect(good.items.find((item) => item.id === 'hours')!.evidenceHolds).toBe(true);
    // The ★ item failed: 25 of 35 = 71.4% is over the pass mark, and still the checklist fails.
    const keyFailed = scoring({ area: { met: false }, rooms: { level: 3 } }, { weeklyOpenHours: 8, managementRulesAdopted: 8 });
    expect([keyFailed.score, keyFailed.percent, keyFailed.passes, keyFailed.grade, keyFailed.keyShort]).toEqual([25, 71.4, false, null, ['area']]);
    expect(keyFailed.shortfall[0]).toBe('area');
    // Everything: A and the 示范 level.
    const all = scoring({ area: { met: true }, rooms: { level: 3 } }, { weeklyOpenHours: 12, managementRulesAdopted: 9 });
    expect([all.score, all.percent, all.grade?.code, all.modelReached]).toEqual([35, 100, 'A', true]);
    // Not assessed counts 0 and says so; a figure the records cannot give leaves its item unassessed.
    const empty = scoring({}, { weeklyOpenHours: null });
    expect([empty.score, empty.assessed, empty.total, empty.passes]).toEqual([0, 0, 4, false]);
    expect(empty.items.find((item) => item.id === 'hours')).toMatchObject({ score: null, evidenceHolds: null });
    // 7.9 hours is short of 8: none of the formula's points.
    expect(scoring({ area: { met: true } }, { weeklyOpenHours: 7.9 }).items.find((item) => item.id === 'hours')!.score).toBe(0);
  });

  it('scores the seed’s 五个一 as the text asks: every ★ requirement met, the eight rules all adopted', () => {
    const fiveOnes = builtinTemplates.get('yongchuan-community-five-ones') as ChecklistTemplate;
    const answers = { 'venue-area': { met: true }, 'venue-environment': { met: true }, 'venue-equipment': { met: true }, 'team-upper-support': { met: true } };
    const figures = { staffWorking: 1, managementRulesAdopted: 8, careTeamFollowUps: 3, counsellorsQualified: 1, screeningVisits: 4 };
    expect(scoreChecklist(fiveOnes, answers, figures)).toMatchObject({ percent: 100, passes: true, keyShort: [] });
    const sevenRules = scoreChecklist(fiveOnes, answers, { ...figures, managementRulesAdopted: 7 });
    expect(sevenRules).toMatchObject({ passes: false, keyShort: ['rules-eight'] });
    expect(sevenRules.items.find((item) => item.id === 'rules-eight')).toMatchObject({ score: 8.8, max: 10, evidenceHolds: false });
  });
});
