import { checkPayload, formatValue, type ReportPayload } from './values.js';

/**
 * DHIS2's data value CSV (reports-standards.md §5.1, dhis2-docs `data.md` "CSV data value format"): the first row is a
 * header the importer skips, the columns are positional. We fill dataelement, period, orgunit, catoptcombo (empty =
 * default combo) and value; attroptcombo, storedby, lastupdated, comment and followup stay empty. The data set is not a
 * column: the district passes it as the `dataSet` query parameter.
 */
const header = ['dataelement', 'period', 'orgunit', 'catoptcombo', 'attroptcombo', 'value', 'storedby', 'lastupdated', 'comment', 'followup'];

/** RFC 4180 quoting: a field holding a comma, a quote or a line break is quoted, its quotes doubled. */
function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function writeCsv(payload: ReportPayload): string {
  const period = checkPayload(payload);
  const rows = payload.values.map(({ dataElement, disaggregation, value }) =>
    [dataElement, period.id, payload.orgUnit, disaggregation?.categoryOptionCombo ?? '', '', formatValue(value), '', '', '', ''],
  );
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\n') + '\n';
}
