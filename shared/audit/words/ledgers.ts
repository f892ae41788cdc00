import { callsAuditWords } from './calls.js';
import { surveysAuditWords } from './surveys.js';
import { dutyAuditWords } from './duty.js';
import { visitsAuditWords } from './visits.js';
import { groupsAuditWords } from './groups.js';
import { peopleAuditWords } from './people.js';
import { meetingsAuditWords, rulesAuditWords } from './meetings.js';

/**
 * How the audit trail names the ledgers' actions, objects and details in Chinese: the 审计日志 screen (through
 * vue-i18n, renderer/src/features/ledgers/i18n/zh-CN.ts) and the written XLSX export (core) read the same words.
 */
export const ledgersAuditWords = {
  actions: {
    activities: { create: '登记活动', update: '修改活动记录', markDone: '活动标记为已开展', remove: '删除活动记录', export: '导出活动台账', view: '查看活动参与名单', list: '查看活动列表（含参与名单）', importSignIns: '导入活动签到表', signIns: '查看活动签到名单' },
    calls: callsAuditWords.actions,
    duty: dutyAuditWords.actions,
    visits: visitsAuditWords.actions,
    groups: groupsAuditWords.actions,
    people: peopleAuditWords.actions,
    meetings: meetingsAuditWords.actions,
    rules: rulesAuditWords.actions,
    surveys: surveysAuditWords.actions,
  },
  objects: { activity: '活动', ...callsAuditWords.objects, ...dutyAuditWords.objects, ...visitsAuditWords.objects, ...groupsAuditWords.objects, ...meetingsAuditWords.objects, ...peopleAuditWords.objects, ...surveysAuditWords.objects },
  details: { activityType: '活动类型', rosterSize: '名单中的来访者人数', changedFields: '修改的项目', participantCount: '参与人数', namesShown: '显示的来访者姓名数', signIns: '签到人数', ...callsAuditWords.details, ...dutyAuditWords.details, ...visitsAuditWords.details, ...groupsAuditWords.details, ...meetingsAuditWords.details, ...peopleAuditWords.details, ...surveysAuditWords.details },
};
