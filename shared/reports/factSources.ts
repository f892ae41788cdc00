/**
 * The facts a report can count (issue 14: "the records it counts"): each source is one kind of record the station
 * keeps, read by core for a period, with the dimensions a category can split it by and the measures an indicator can
 * take of it. An indicator set (data, ./indicatorSetSchema.ts) names a source, a measure and a filter; it cannot name
 * SQL, so a district's own set recombines what the station records and never reaches anything else.
 *
 * Flows are read for the period's days; stocks on its last day (reports-standards.md §3: "stocks are end-of-period
 * values … the app should never sum stocks").
 */

/** What a record can be split or filtered by. `many` dimensions hold several values (a client's tags). */
export const reportDimensions = {
  sex: { label: '性别', many: false },
  age: { label: '年龄', many: false },
  group: { label: '重点人群', many: true },
  topic: { label: '问题类别', many: true },
  modality: { label: '咨询方式', many: false },
  risk: { label: '风险等级', many: false },
  outcome: { label: '危机结局', many: false },
  destination: { label: '转介去向', many: false },
  followUpMethod: { label: '随访方式', many: false },
  instrument: { label: '量表', many: false },
  activityType: { label: '活动类型', many: false },
  outreachTarget: { label: '“五进”对象', many: true },
  staffType: { label: '人员类别', many: false },
  qualification: { label: '资质', many: true },
  callProblem: { label: '来电问题类型', many: false },
  trainingKind: { label: '培训或督导', many: false },
  meetingKind: { label: '会议类别', many: false },
} as const;
export type ReportDimension = keyof typeof reportDimensions;
export const reportDimensionIds = Object.keys(reportDimensions) as [ReportDimension, ...ReportDimension[]];

/**
 * How a measure reduces a source's records: count them, count distinct clients (or distinct values of an amount: the
 * staff who trained), add up an amount a record carries, or count the records a flag marks.
 */
export type MeasureSpec = Readonly<
  { label: string } & ({ kind: 'count' } | { kind: 'clients' } | { kind: 'distinct'; amount: string } | { kind: 'sum'; amount: string } | { kind: 'flagged'; flag: string })
>;

type SourceSpec = Readonly<{
  label: string;
  kind: 'flow' | 'stock';
  dimensions: readonly ReportDimension[];
  measures: Readonly<Record<string, MeasureSpec>>;
  /** The screen listing these records (where the number comes from). */
  page: string;
}>;

const count = { kind: 'count', label: '记录数' } as const;
const clients = { kind: 'clients', label: '人数（去重）' } as const;
const person = ['sex', 'age', 'group'] as const;

export const factSources = {
  sessions: { label: '个体咨询记录', kind: 'flow', dimensions: [...person, 'topic', 'modality'], measures: { count, clients }, page: '/cases' },
  casesOpened: { label: '新建个案', kind: 'flow', dimensions: [...person, 'topic'], measures: { count }, page: '/cases' },
  casesOpen: { label: '期末在管个案', kind: 'stock', dimensions: [...person, 'topic', 'risk'], measures: { count }, page: '/cases' },
  activities: {
    label: '活动台账',
    kind: 'flow',
    dimensions: ['activityType', 'outreachTarget'],
    measures: { count, participants: { kind: 'sum', amount: 'participants', label: '参与人次' }, onlineReach: { kind: 'sum', amount: 'onlineReach', label: '线上覆盖人次' } },
    page: '/activities',
  },
  scaleResults: {
    label: '量表测评结果',
    kind: 'flow',
    dimensions: [...person, 'instrument'],
    measures: { count, abnormal: { kind: 'flagged', flag: 'abnormal', label: '结果异常（黄、红色分级或危急条目）' } },
    page: '/kiosk-results',
  },
  crises: { label: '危机干预记录', kind: 'flow', dimensions: [...person, 'outcome'], measures: { count }, page: '/crises' },
  referrals: {
    label: '转介记录',
    kind: 'flow',
    dimensions: [...person, 'destination'],
    measures: { count, receipted: { kind: 'flagged', flag: 'receipted', label: '已回执' } },
    page: '/cases',
  },
  followUps: { label: '随访记录', kind: 'flow', dimensions: [...person, 'followUpMethod', 'risk'], measures: { count, clients }, page: '/follow-ups' },
  visits: { label: '走访排查', kind: 'flow', dimensions: ['group'], measures: { count, clients }, page: '/visits' },
  clientsFiled: { label: '新建档案', kind: 'flow', dimensions: [...person], measures: { count }, page: '/clients' },
  clientFiles: { label: '期末在册档案', kind: 'stock', dimensions: [...person, 'risk'], measures: { count }, page: '/clients' },
  riskRegister: { label: '期末风险分级在册', kind: 'stock', dimensions: [...person, 'risk'], measures: { count }, page: '/clients' },
  calls: {
    label: '热线/电话咨询登记',
    kind: 'flow',
    dimensions: ['callProblem'],
    measures: {
      count,
      highRisk: { kind: 'flagged', flag: 'highRisk', label: '高度危机来电' },
      difficult: { kind: 'flagged', flag: 'difficult', label: '困难来电' },
      repeat: { kind: 'flagged', flag: 'repeat', label: '反复来电' },
    },
    page: '/calls',
  },
  openDays: { label: '值班记录（按日）', kind: 'flow', dimensions: [], measures: { count, hours: { kind: 'sum', amount: 'hours', label: '实际开放小时' } }, page: '/duty' },
  staff: {
    label: '人员台账（期末在岗）',
    kind: 'stock',
    dimensions: ['staffType', 'qualification'],
    measures: { count, fte: { kind: 'sum', amount: 'fte', label: '折合全职人数' } },
    page: '/people',
  },
  trainings: {
    label: '培训与督导',
    kind: 'flow',
    dimensions: ['trainingKind'],
    measures: { count, people: { kind: 'distinct', amount: 'person', label: '参加的人数（去重）' }, hours: { kind: 'sum', amount: 'hours', label: '学时' } },
    page: '/people',
  },
  volunteerService: { label: '志愿服务', kind: 'flow', dimensions: [], measures: { count, hours: { kind: 'sum', amount: 'hours', label: '服务时长' } }, page: '/people' },
  feedback: {
    label: '服务评价（团体辅导反馈）',
    kind: 'flow',
    dimensions: [],
    measures: { count, satisfied: { kind: 'flagged', flag: 'satisfied', label: '满意（4–5 分）' } },
    page: '/groups',
  },
  meetings: { label: '会议记录', kind: 'flow', dimensions: ['meetingKind'], measures: { count }, page: '/meetings' },
  checklist: {
    label: '站点建设自查（期末，近一年的记录）',
    kind: 'stock',
    dimensions: [],
    measures: {
      score: { kind: 'sum', amount: 'score', label: '得分' },
      max: { kind: 'sum', amount: 'max', label: '满分' },
      passes: { kind: 'flagged', flag: 'passes', label: '达标站点' },
    },
    page: '/checklist',
  },
} as const satisfies Record<string, SourceSpec>;

export type FactSourceId = keyof typeof factSources;
export const factSourceIds = Object.keys(factSources) as [FactSourceId, ...FactSourceId[]];

/**
 * One record as a source gives it: its id, its client (if any), its day, the screen that shows it (a drill-down's
 * link), its dimensions, amounts and flags.
 */
export type FactRow = Readonly<{
  id: number;
  link: string;
  clientId: number | null;
  day: string;
  dims: Readonly<Partial<Record<ReportDimension, string | number | readonly string[] | null>>>;
  amounts?: Readonly<Record<string, number>>;
  flags?: Readonly<Record<string, boolean>>;
  /**
   * How many records alike in every dimension this row stands for (1 when absent): a stock whose measures only count
   * is read grouped for a figure, while its drill-down lists each record.
   */
  weight?: number;
}>;
