/**
 * The figures a checklist item may bind to (issue 13: "items whose evidence the app holds are filled and re-checked
 * live from the records"): each is computed by core from the station's own records, so a template names one by id
 * and the checklist says where the number comes from (`source`, and `page`: the screen listing those records). Units make the requirement readable ("每周开放 ≥ 8 小时").
 */
export const checklistFigures = {
  staffWorking: { label: '在岗工作人员（专职、兼职）', unit: '人', source: '人员台账', page: '/people' },
  counsellorsQualified: { label: '持心理咨询、社会工作或精神科相关资质的在岗人员', unit: '人', source: '人员台账', page: '/people' },
  volunteersWorking: { label: '在册志愿者', unit: '人', source: '人员台账', page: '/people' },
  weeklyOpenHours: { label: '近四周平均每周实际开放时长', unit: '小时', source: '值班记录', page: '/duty' },
  rulesAdopted: { label: '已施行的本站制度', unit: '项', source: '制度', page: '/rules' },
  managementRulesAdopted: { label: '已施行的“一套管理服务制度”（八项）', unit: '项', source: '制度', page: '/rules' },
  bookingsInPeriod: { label: '统计期内的预约', unit: '次', source: '预约日历', page: '/appointments' },
  clientFiles: { label: '在册来访者档案', unit: '份', source: '来访者档案', page: '/clients' },
  crisesClosedShare: { label: '统计期内已结案的危机干预', unit: '%', source: '危机干预记录', page: '/crises' },
  careTeamFollowUps: { label: '统计期内有网格员、社工或村（居）委干部参与的随访', unit: '次', source: '随访记录', page: '/follow-ups' },
  outreachActivities: { label: '统计期内已开展的宣传、讲座等活动', unit: '场', source: '活动台账', page: '/activities' },
  screeningVisits: { label: '统计期内的走访排查', unit: '次', source: '走访排查', page: '/visits' },
  meetingsHeld: { label: '统计期内召开的会议', unit: '次', source: '会议记录', page: '/meetings' },
  daysSinceVerifiedBackup: { label: '距最近一次校验通过的备份', unit: '天', source: '备份', page: '/settings' },
  // Seed 003: "编制相关表单定期上报区级社会心理服务中心" — the months of the period whose report went upward.
  reportsSent: { label: '统计期内已上报的月报', unit: '份', source: '定期上报', page: '/reports' },
} as const;

export type ChecklistFigure = keyof typeof checklistFigures;
export const checklistFigureIds = Object.keys(checklistFigures) as ChecklistFigure[];
