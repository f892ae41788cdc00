import { writeAdx } from './adx.js';
import { writeCsv } from './csv.js';
import { writeDataValueSet } from './dataValueSet.js';
import type { ReportPayload } from './values.js';

export type Dhis2Format = 'json' | 'csv' | 'adx';

/** A payload in the form a district uploads: dataValueSets JSON, CSV or ADX XML; the file's extension with it. */
export function writeDhis2Values(payload: ReportPayload, format: Dhis2Format, exported: Date): { body: string; extension: string } {
  if (format === 'json') return { body: writeDataValueSet(payload), extension: 'json' };
  if (format === 'csv') return { body: writeCsv(payload), extension: 'csv' };
  return { body: writeAdx(payload, { exported }), extension: 'xml' };
}
