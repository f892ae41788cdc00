import type { ExportFile } from '../../../../shared/api/schemas/exports.js';
import type { PersonSummary } from '../../../../shared/api/schemas/people.js';
import { employmentWords, qualificationsText } from '../../../../shared/domain/peopleWords.js';
import type { Session } from '../../auth/sessionStore.js';
import { auditedExport, type ExportRange } from '../../export/auditedExport.js';
import { dictionaryLabels } from '../../export/labels.js';
import { exportTable, type Column } from '../../export/xlsxTable.js';
import { hoursByPerson } from '../../repositories/peopleRepo.js';
import { readMarker } from '../../repositories/settingsRepo.js';
import { readStation } from '../../repositories/stationRepo.js';
import type { Vault } from '../../vault.js';
import type { PeopleService } from './peopleService.js';
import { staffListHeaders } from './staffListSheet.js';

const genderWords = { male: '男', female: '女' } as const;

/**
 * 人员台账 as XLSX: everyone who worked here at any time in the period, with qualifications and the hours of training,
 * supervision and volunteer service in it, summed in SQL (the columns inspectors ask for: 辅导人员名单（资质）,
 * station-work-and-reporting.md §1.3). It carries phone numbers, so only the 站长 exports it (contract).
 */
export function exportPeople(vault: Vault, people: PeopleService, session: Session, range: ExportRange): Promise<ExportFile> {
  return auditedExport(vault, session, { action: 'people.export', title: '人员台账', range }, (db) => {
    const kinds = dictionaryLabels(db, 'qualificationKind');
    const rows = people.list({ status: 'all' }).filter((person) => person.joinedOn <= range.to && (person.leftOn === null || person.leftOn >= range.from));
    const hours = hoursByPerson(db, range.from, range.to);
    const sum = (person: PersonSummary, pick: 'training' | 'supervision' | 'service') => Math.round((hours.get(person.id)?.[pick] ?? 0) * 10) / 10;
    const columns: Array<Column<PersonSummary>> = [
      { header: '姓名', width: 10, type: 'text', value: (row) => row.name },
      { header: '性别', width: 5, type: 'text', value: (row) => (row.gender ? genderWords[row.gender] : '') },
      { header: '类别', width: 7, type: 'text', value: (row) => employmentWords[row.employment] },
      { header: '工作量折算', width: 9, type: 'number', value: (row) => (row.employment === 'fulltime' ? 1 : row.fte) },
      { header: '所在单位', width: 18, type: 'text', value: (row) => row.organisation },
      { header: '岗位/职务', width: 12, type: 'text', value: (row) => row.position },
      { header: '联系电话', width: 14, type: 'text', value: (row) => row.phone },
      { header: '资质', width: 26, type: 'text', value: (row) => qualificationsText(row.qualifications, kinds) },
      { header: '最近到期', width: 12, type: 'date', value: (row) => row.nextExpiry },
      { header: '到岗日期', width: 12, type: 'date', value: (row) => row.joinedOn },
      { header: '离岗日期', width: 12, type: 'date', value: (row) => row.leftOn },
      { header: '培训学时', width: 9, type: 'number', value: (row) => sum(row, 'training') },
      { header: '督导学时', width: 9, type: 'number', value: (row) => sum(row, 'supervision') },
      { header: '志愿服务时长', width: 11, type: 'number', value: (row) => sum(row, 'service') },
    ];
    return { columns, rows };
  });
}

/** The staff-list template: the headers the import reads first (no example row, which would be imported by mistake). */
export async function staffListTemplate(vault: Vault): Promise<ExportFile> {
  const db = vault.connection();
  const fields = Object.keys(staffListHeaders) as Array<keyof typeof staffListHeaders>;
  const columns = fields.map((field): Column<never> => ({ header: staffListHeaders[field][0], width: 14, type: 'text', value: () => '' }));
  const hint = '类别填 专职/兼职/志愿者；兼职填工作量折算 0.1–0.9；日期写作 2024-03-01；一行填一项资质';
  const table = { heading: { station: readStation(db)?.name ?? '', title: '人员名单', period: hint, demo: readMarker(db, 'demo') }, columns, rows: [] };
  return { ...(await exportTable(table, '人员名单模板')), rows: 0 };
}
