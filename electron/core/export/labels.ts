import type { FollowUpRecord, SessionRecord } from '../../../shared/api/schemas/cases.js';
import type { ClientDetail, RiskLevel } from '../../../shared/api/schemas/clients.js';
import { listDictionary } from '../repositories/dictionariesRepo.js';
import type { DictionaryName } from '../../../shared/domain/dictionaries.js';
import type { Db } from '../db/driver.js';

/**
 * Chinese names of coded values in documents core writes (exports now, ledgers and reports next). The
 * screens name the same values through vue-i18n (renderer/src/features/caseFiles/i18n/zh-CN.ts); a written
 * file cannot ask the renderer, so the words are kept here too and must read the same.
 */
export const genderLabels: Record<ClientDetail['gender'], string> = { male: '男', female: '女', unknown: '未说明' };
export const riskLabels: Record<RiskLevel, string> = { red: '红', yellow: '黄', green: '绿' };
export const modalityLabels: Record<SessionRecord['modality'], string> = { in_person: '面询', phone: '电话', home_visit: '上门', online: '线上', group: '团体' };
export const sessionKindLabels: Record<SessionRecord['kind'], string> = { intake: '初访', follow_up_session: '复访', crisis: '危机干预', follow_up_visit: '随访', closing: '结案' };
export const followUpStatusLabels: Record<FollowUpRecord['status'], string> = { due: '待随访', done: '已完成', cancelled: '已取消' };
export const followUpMethodLabels: Record<NonNullable<FollowUpRecord['method']>, string> = { home_visit: '上门', phone: '电话', visit: '来访', video: '视频' };

/** A dictionary's codes to labels; a code the dictionary no longer has is shown as it is stored. */
export function dictionaryLabels(db: Db, dictionary: DictionaryName): (codes: string) => string {
  const labels = new Map(listDictionary(db, dictionary).map((item) => [item.code, item.label]));
  return (codes) =>
    codes
      .split(',')
      .filter(Boolean)
      .map((code) => labels.get(code) ?? code)
      .join('、');
}
