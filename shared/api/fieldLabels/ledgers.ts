import { callsFieldLabels } from './calls.js';
import { peopleFieldLabels } from './people.js';
import { meetingsFieldLabels } from './meetings.js';
import { dutyFieldLabels } from './duty.js';
import { visitsFieldLabels } from './visits.js';
import { groupsFieldLabels } from './groups.js';
import { surveysFieldLabels } from './surveys.js';

/** Field names of the ledgers' inputs (活动台账 …). */
export const ledgersFieldLabels: Readonly<Record<string, string>> = {
  activityId: '活动',
  ...callsFieldLabels,
  ...peopleFieldLabels,
  ...meetingsFieldLabels,
  ...dutyFieldLabels,
  ...visitsFieldLabels,
  ...groupsFieldLabels,
  ...surveysFieldLabels,
  consultDesk: '咨询台',
  displays: '横幅/展板数',
  endTime: '结束时间',
  householdVisits: '入户数',
  materials: '资料份数',
  onlineReach: '线上覆盖人次',
  onlineReachEstimated: '线上覆盖人次为估算',
  outputs: '活动产出',
  outreachTarget: '“五进”对象',
  outreachTargets: '“五进”对象',
  participantCount: '参与人数',
  partnerUnits: '合作单位',
  rosterClientIds: '参与来访者名单',
  staffIds: '工作人员',
  theme: '活动主题',
  volunteers: '志愿者/外请人员',
};
