import type { RiskLevel } from '../../../../shared/api/schemas/clients.js';

/**
 * What the demo may say about whom, as data: the generator draws from these tables and nothing
 * else, so an 83-year-old is never 孕产期妇女 and a red grade never reads "无自伤念头". Age bands
 * follow the life stages a community station sees; texts carry no age or gender the band does not fit.
 */

export type Gender = 'male' | 'female';

/** Why someone comes: the case's reason and the intake's 主诉, the problem categories it files under, tags it implies. */
export type Complaint = Readonly<{
  text: string;
  problems: readonly string[];
  /** Only said by this gender (产后…). */
  gender?: Gender;
  /** Population tags this complaint makes true (产后 → 孕产期妇女; 独居 → 老年人（独居）). */
  tags?: readonly string[];
}>;

export type AgeBand = Readonly<{
  minAge: number;
  maxAge: number;
  /** Share of the demo's clients in this band. */
  weight: number;
  /** Tags that may be drawn at random for this band (tags implied by a complaint come on top). */
  tags: readonly string[];
  complaints: readonly Complaint[];
}>;

const adultTags = ['hardship', 'dispute_party', 'disabled', 'domestic_violence', 'severe_mental_family', 'petitioner', 'community_correction', 'released', 'sanshi_yipian'];

/** Said at any adult age. */
const neighbourDispute: Complaint = { text: '邻里纠纷后心烦意乱', problems: ['dispute', 'emotion'], tags: ['dispute_party'] };
const poorSleep: Complaint = { text: '近两周入睡困难、早醒', problems: ['sleep'] };

export const ageBands: readonly AgeBand[] = [
  {
    minAge: 8,
    maxAge: 11,
    weight: 4,
    tags: ['left_behind_child', 'disabled'],
    complaints: [
      { text: '在校注意力不集中，老师多次反映上课走神', problems: ['study'] },
      { text: '父母离异后常哭闹，不愿去上学', problems: ['family', 'emotion'] },
      { text: '父母外出务工，留守在家想念父母，情绪低落', problems: ['emotion'], tags: ['left_behind_child'] },
      { text: '夜里常做噩梦、怕黑，入睡困难', problems: ['sleep'] },
      { text: '与同学发生冲突后不愿去学校', problems: ['relationship', 'study'] },
    ],
  },
  {
    minAge: 12,
    maxAge: 17,
    weight: 12,
    tags: ['youth', 'left_behind_child', 'disabled'],
    complaints: [
      { text: '考试临近，紧张失眠', problems: ['study', 'sleep'] },
      { text: '与父母争吵频繁，情绪低落', problems: ['family', 'emotion'] },
      { text: '被同学孤立，不愿上学', problems: ['relationship', 'study'] },
      { text: '沉迷手机游戏，作息颠倒', problems: ['addiction'] },
      { text: '中考成绩不理想，常自责、独自哭泣', problems: ['study', 'emotion'] },
      { text: '情绪低落，近期有划伤手臂的行为', problems: ['emotion', 'suicide_risk'] },
    ],
  },
  {
    minAge: 18,
    maxAge: 24,
    weight: 10,
    tags: ['hardship', 'dispute_party', 'disabled', 'sanshi_yipian'],
    complaints: [
      { text: '毕业求职不顺，自我否定，情绪低落', problems: ['work', 'emotion'] },
      { text: '考研备考压力大，入睡困难', problems: ['study', 'sleep'] },
      { text: '恋爱关系破裂后情绪低落，无心学习', problems: ['family', 'emotion'] },
      { text: '宿舍人际关系紧张，常感孤独', problems: ['relationship'] },
      { text: '刚参加工作，难以适应，常感焦虑', problems: ['work', 'emotion'] },
    ],
  },
  {
    minAge: 25,
    maxAge: 44,
    weight: 26,
    tags: adultTags,
    complaints: [
      { text: '工作压力大，常感焦虑', problems: ['work', 'emotion'] },
      { text: '夫妻经常争吵，考虑离婚，心烦意乱', problems: ['family', 'emotion'] },
      { text: '孩子厌学，亲子冲突', problems: ['parenting'] },
      { text: '产后情绪低落，常无故哭泣', problems: ['emotion'], gender: 'female', tags: ['perinatal'] },
      { text: '怀孕后担心胎儿健康，焦虑失眠', problems: ['emotion', 'sleep'], gender: 'female', tags: ['perinatal'] },
      neighbourDispute,
      poorSleep,
      { text: '长期饮酒，家人劝说后前来咨询', problems: ['addiction', 'family'] },
    ],
  },
  {
    minAge: 45,
    maxAge: 59,
    weight: 22,
    tags: adultTags,
    complaints: [
      { text: '失业后经济压力大，情绪低落', problems: ['work', 'emotion'], tags: ['hardship'] },
      { text: '孩子高考在即，自己比孩子还紧张', problems: ['parenting', 'emotion'] },
      { text: '照顾患病父母身心疲惫', problems: ['family', 'emotion'] },
      { text: '夫妻关系冷淡，常感孤独', problems: ['family'] },
      neighbourDispute,
      poorSleep,
      { text: '家属患精神疾病，长期照护压力大', problems: ['mental_illness', 'family'], tags: ['severe_mental_family'] },
    ],
  },
  {
    minAge: 60,
    maxAge: 88,
    weight: 26,
    tags: ['elderly_empty_nest', 'elderly_alone', 'elderly_disabled', 'hardship', 'disabled', 'dispute_party', 'petitioner'],
    complaints: [
      { text: '丧偶后常独自哭泣', problems: ['grief', 'emotion'], tags: ['elderly_alone'] },
      { text: '子女都在外地，空巢在家，常感孤独', problems: ['emotion'], tags: ['elderly_empty_nest'] },
      { text: '退休后无所适从，情绪低落', problems: ['emotion'] },
      { text: '慢性病缠身，担心拖累子女', problems: ['emotion'] },
      poorSleep,
      { text: '与子女因赡养问题发生矛盾', problems: ['family', 'dispute'] },
    ],
  },
];

/** Age-neutral note texts for the sessions after the intake. */
export const progressComplaints = ['上次会谈后情绪有所波动', '近一周睡眠略有改善', '仍感压力较大，愿意继续咨询', '按计划完成情绪记录，有所收获', '近期遇到新的烦心事'];
export const assessments = ['情绪低落，社会功能基本保持', '焦虑明显，睡眠差', '睡眠差，食欲下降', '适应不良，支持系统尚可', '情绪较前平稳，能运用应对方法'];
export const interventions = ['倾听共情，情绪疏导', '放松训练与睡眠卫生指导', '认知调整，布置情绪记录', '家庭沟通辅导', '资源链接，联系社区网格员'];
export const plans = ['一周后复访', '两周后复访并复评量表', '电话随访，必要时转介', '邀请家属共同面谈'];

/** A colour's grade reasons, its PHQ-9 range (total, and item 9 = 伤害自己的念头) and what a follow-up at that colour finds. */
export type GradeProfile = Readonly<{
  reasons: readonly string[];
  phq9: Readonly<{ total: readonly [min: number, max: number]; item9: readonly [min: number, max: number] }>;
  findings: readonly string[];
}>;

export const gradeProfiles: Record<RiskLevel, GradeProfile> = {
  red: {
    reasons: ['表露自伤念头，有初步计划，评估为高风险', '存在自杀意念，家庭支持薄弱，需密切关注', '近期有自伤行为，情绪极不稳定', '流露轻生想法，拒绝家人陪伴'],
    // A red grade made on PHQ-9: a severe total and a positive item 9 (the scale's critical item).
    phq9: { total: [15, 27], item9: [1, 3] },
    findings: ['仍有消极念头，已嘱家属加强陪护', '自伤念头未完全消退，已联系精防医生', '情绪仍不稳定，流露轻生想法，继续密切随访'],
  },
  yellow: {
    reasons: ['情绪低落持续两周以上，社会功能有所下降', '焦虑明显，睡眠差，需定期随访', '遭遇重大生活事件，适应困难', '家庭矛盾激烈，情绪波动大'],
    phq9: { total: [10, 14], item9: [0, 0] },
    findings: ['情绪较前平稳，睡眠有所改善', '仍有焦虑，按时参加咨询', '家庭矛盾有所缓和，情绪波动减少'],
  },
  green: {
    reasons: ['情绪基本平稳，社会功能良好', '适应良好，支持系统尚可', '轻度情绪困扰，自我调节能力较好'],
    phq9: { total: [0, 9], item9: [0, 0] },
    findings: ['情况稳定，社会功能良好', '生活规律，情绪平稳', '家属反映近况良好'],
  },
};

/** What a follow-up at one colour re-assesses the client as: most improve, some stay. */
export const reassessment: Record<RiskLevel, ReadonlyArray<{ weight: number; value: RiskLevel }>> = {
  red: [
    { weight: 3, value: 'red' },
    { weight: 7, value: 'yellow' },
  ],
  yellow: [
    { weight: 4, value: 'yellow' },
    { weight: 5, value: 'green' },
    { weight: 1, value: 'red' },
  ],
  green: [
    { weight: 9, value: 'green' },
    { weight: 1, value: 'yellow' },
  ],
};

/** The crisis protocol as a session lives it: minutes after the crisis began that each step was done. */
export const crisisTimeline = [
  { step: 'safety_assessment', minute: 3 },
  { step: 'not_left_alone', minute: 5 },
  { step: 'family_contacted', minute: 12 },
  { step: 'hotline_given', minute: 25 },
  { step: 'supervisor_informed', minute: 30 },
] as const;
export const crisisResolvedMinute = 40;
