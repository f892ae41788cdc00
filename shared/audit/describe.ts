import type { AuditEntry } from '../api/schemas/audit.js';

/** The vocabularies an audit row is named from: the features' audit words (shared/audit/words) and the role names. */
export type AuditWordGroup = 'actions' | 'objects' | 'details' | 'reasons' | 'results' | 'roles';

/** One word by group and dotted code ("clients.view"); undefined where there is none (the code is shown as stored). */
export type AuditWordLookup = (group: AuditWordGroup, code: string) => string | undefined;

/** What a reader of the trail needs besides the words: how times and yes/no read in their language. */
export type AuditFormat = Readonly<{ dateTime: (iso: string) => string; yes: string; no: string }>;

type DetailValue = AuditEntry['detail'][string];

function detailValue(key: string, value: DetailValue, word: AuditWordLookup, format: AuditFormat): string {
  if (value === null) return '—';
  if ((key === 'role' || key === 'roleFrom' || key === 'roleTo') && typeof value === 'string') return word('roles', value) ?? value;
  if ((key === 'reason' || key === 'by') && typeof value === 'string') return word('reasons', value) ?? value;
  if ((key === 'startBefore' || key === 'startAfter') && typeof value === 'string') return value.replace('T', ' ');
  if (typeof value === 'boolean') return value ? format.yes : format.no;
  if (key === 'backupCreatedAt' && typeof value === 'string') return format.dateTime(value);
  return String(value);
}

/**
 * An audit row's detail in words ("角色：站长；原因：空闲超时"), the same on the 审计日志 screen and in the
 * XLSX export, so the two never read differently.
 */
export function describeAuditDetail(detail: AuditEntry['detail'], word: AuditWordLookup, format: AuditFormat): string {
  return Object.entries(detail)
    .map(([key, value]) => `${word('details', key) ?? key}：${detailValue(key, value, word, format)}`)
    .join('；');
}
