import type { FollowUpRecord, SessionRecord } from '../api/schemas/cases.js';
import type { ClientDetail, RiskLevel } from '../api/schemas/clients.js';

/**
 * The Chinese names of case-file codes, in one place: the screens read them through vue-i18n
 * (renderer/src/features/caseFiles/i18n/zh-CN.ts) and core writes them into the files it makes (XLSX
 * exports now, ledgers and reports next), so a printed list and the screen always say the same word.
 */
export const genderWords: Record<ClientDetail['gender'], string> = { male: '男', female: '女', unknown: '未说明' };
export const riskWords: Record<RiskLevel, string> = { red: '红', yellow: '黄', green: '绿' };
export const modalityWords: Record<SessionRecord['modality'], string> = { in_person: '面询', phone: '电话', home_visit: '上门', online: '线上', group: '团体' };
export const sessionKindWords: Record<SessionRecord['kind'], string> = { intake: '初访', follow_up_session: '复访', crisis: '危机干预', follow_up_visit: '随访', closing: '结案' };
export const followUpStatusWords: Record<FollowUpRecord['status'], string> = { due: '待随访', done: '已完成', cancelled: '已取消' };
export const followUpMethodWords: Record<NonNullable<FollowUpRecord['method']>, string> = { home_visit: '上门', phone: '电话', visit: '来访', video: '视频' };
