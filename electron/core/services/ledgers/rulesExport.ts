import { ruleTemplateCodes } from '../../../../shared/domain/ruleTemplates.js';
import type { Session } from '../../auth/sessionStore.js';
import { auditedExport } from '../../export/auditedExport.js';
import type { Column } from '../../export/xlsxTable.js';
import { listRules, type StoredRuleVersion } from '../../repositories/rulesRepo.js';
import type { Vault } from '../../vault.js';

type Row = StoredRuleVersion & { current: boolean };

/**
 * 制度及版本 as XLSX: one row per adopted version (drafts are the 站长's work in progress), the current one marked,
 * with its text; a version uploaded as a file says how many files it has. Every staff role reads the rules.
 */
export function exportRules(vault: Vault, session: Session) {
  return auditedExport(vault, session, { action: 'rules.export', title: '制度及版本' }, (db) => {
    const rows: Row[] = listRules(db, ruleTemplateCodes).flatMap((rule) =>
      rule.versions.filter((version) => version.versionNo !== null).map((version, index) => ({ ...version, current: index === 0 })),
    );
    const columns: Array<Column<Row>> = [
      { header: '制度名称', width: 26, type: 'text', value: (row) => row.title },
      { header: '版本', width: 6, type: 'number', value: (row) => row.versionNo },
      { header: '通过日期', width: 12, type: 'date', value: (row) => row.adoptedOn },
      { header: '通过人', width: 10, type: 'text', value: (row) => row.adoptedBy?.displayName ?? '' },
      { header: '现行版本', width: 9, type: 'text', value: (row) => (row.current ? '是' : '') },
      { header: '上传文件数', width: 10, type: 'number', value: (row) => row.fileCount },
      { header: '正文', width: 80, type: 'text', value: (row) => row.body },
    ];
    return { columns, rows };
  });
}
