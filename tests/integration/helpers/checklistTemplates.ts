/** A district's own standard with anchored levels (0/1/3/5) and a ★ item: 5 + 10 = 15 points, pass at 60%. */
export const districtTemplate = (version = 1) => ({
  id: 'district-room-standard',
  version,
  name: '某区社区心理服务室评估标准',
  level: 'community',
  source: { kind: 'composite', citation: '某区社会心理服务中心 2026 年评估细则' },
  passPercent: 60,
  grades: [{ code: 'A', label: '优秀', minPercent: 90 }],
  sections: [
    {
      id: 'venue',
      title: '场地',
      items: [
        { id: 'areas', title: '功能区', requirement: '设接待、个体咨询、团体活动功能区', scoring: { model: 'levels', levels: [{ points: 0, text: '没有' }, { points: 1, text: '一个' }, { points: 3, text: '两个' }, { points: 5, text: '三个' }] }, methods: ['siteVisit'], evidence: { attachments: ['photo'] } },
        { id: 'staff', title: '人员', requirement: '在岗人员 ≥ 2', scoring: { model: 'formula', points: 10, figure: 'staffWorking', comparison: 'atLeast', threshold: 2 }, key: true, methods: ['records'], evidence: { figure: { id: 'staffWorking', comparison: 'atLeast', threshold: 2 } } },
      ],
    },
  ],
});
