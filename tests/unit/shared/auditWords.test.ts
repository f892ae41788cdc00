import { describe, expect, it } from 'vitest';
import { auditActions } from '../../../shared/api/contract/index.js';
import { describeAuditDetail } from '../../../shared/audit/describe.js';
import { chineseAuditWord } from '../../../shared/audit/words/index.js';

const format = { dateTime: (iso: string) => `时间${iso}`, yes: '是', no: '否' };

describe('the audit trail in written Chinese (the XLSX export reads what the 审计日志 screen reads)', () => {
  it('names every action a feature declares', () => {
    expect(auditActions.filter((action) => chineseAuditWord('actions', action) === undefined)).toEqual([]);
    expect(chineseAuditWord('actions', 'clients.view')).toBe('查看来访者档案');
    expect(chineseAuditWord('objects', 'user')).toBe('用户');
    expect(chineseAuditWord('results', 'denied')).toBe('拒绝');
    expect(chineseAuditWord('actions', 'clients')).toBeUndefined();
    expect(chineseAuditWord('actions', 'no.such')).toBeUndefined();
  });

  it('writes a detail in words: roles, reasons, yes/no and times named, an empty value as —, unknown keys kept as stored', () => {
    const text = describeAuditDetail({ roleFrom: 'reception', roleTo: 'counsellor', reason: 'idle', unmasked: true, backupCreatedAt: '2026-11-23T02:00:00Z', tag: null, mystery: 3 }, chineseAuditWord, format);
    expect(text).toBe('原角色：前台接待；新角色：心理咨询师/社工；原因：空闲超时；未脱敏：是；备份时间：时间2026-11-23T02:00:00Z；重点人群：—；mystery：3');
  });
});
