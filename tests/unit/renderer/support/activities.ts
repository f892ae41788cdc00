import type { ActivityCounts, ActivityRecord } from '../../../../shared/api/schemas/activities.js';
import type { DictionaryItem } from '../../../../shared/api/schemas/dictionaries.js';

/** The activity types and "五进" targets the ledger's codes are shown with. */
const dictionary = (name: 'activityType' | 'outreachTarget', entries: Array<[string, string]>): DictionaryItem[] =>
  entries.map(([code, label], index) => ({ id: index + 1 + (name === 'activityType' ? 0 : 100), dictionary: name, code, label, active: true, builtin: true }));
export const activityDictionaries: DictionaryItem[] = [
  ...dictionary('activityType', [['lecture', '讲座'], ['consult_desk', '义诊/咨询台']]),
  ...dictionary('outreachTarget', [['school', '进学校'], ['community', '进社区']]),
];

/** A 讲座 held at a school in January 2026, run by 李伟 (a counsellor, user 2); one client named, two not. */
export const heldLecture: ActivityRecord = {
  id: 5,
  type: 'lecture',
  outreachTargets: ['school', 'community'],
  theme: '青春期情绪管理',
  date: '2026-01-20',
  startTime: '14:00',
  endTime: '15:30',
  location: '实验中学报告厅',
  partnerUnits: ['实验中学'],
  staff: [{ id: 2, displayName: '李伟' }],
  volunteers: ['赵老师'],
  participantCount: 120,
  roster: { shown: [{ clientId: 7, name: '张三' }], hidden: 2 },
  signInCount: 0,
  outputs: { materials: 150, displays: 2, consultDesk: true, householdVisits: 0, onlineReach: 3000, onlineReachEstimated: true },
  summary: '讲解情绪识别与调节方法。',
  status: 'done',
  createdAt: '2026-01-20T08:00:00.000Z',
  updatedAt: '2026-01-20T08:00:00.000Z',
  editable: true,
  group: null,
};

/** The same lecture planned on another day (not held yet: no count, no roster). */
export const plannedLecture = (date: string): ActivityRecord => ({ ...heldLecture, id: 6, theme: '社区讲座', date, participantCount: null, status: 'planned', roster: { shown: [], hidden: 0 } });

/** January 2026 as core counts it: two lectures held, one planned. */
export const januaryCounts: ActivityCounts = {
  from: '2026-01-01',
  to: '2026-01-31',
  byType: [
    { code: 'lecture', label: '讲座', activities: 2, participants: 200 },
    { code: 'consult_desk', label: '义诊/咨询台', activities: 0, participants: 0 },
  ],
  byOutreachTarget: [
    { code: 'school', label: '进学校', activities: 2, participants: 200 },
    { code: 'community', label: '进社区', activities: 1, participants: 80 },
  ],
  total: { activities: 2, participants: 200, materials: 200, displays: 3, consultDesks: 1, householdVisits: 12, onlineReach: 3000, onlineReachEstimated: true },
  planned: 1,
};
