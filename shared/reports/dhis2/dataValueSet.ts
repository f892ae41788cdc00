import { checkPayload, formatValue, type ReportPayload } from './values.js';

/**
 * The canonical single-set dataValueSets JSON (reports-standards.md §5.1, dhis2-docs `src/developer/web-api/data.md`):
 * dataSet, period and orgUnit on the envelope, one station-month per payload. Never `completeDate`: on 2.41/2.42 it
 * registers completeness even under dryRun and even when every value is refused (station-work-and-reporting.md §4.3,
 * dhis2w #78/#79); completeness goes separately through completeRegistration.ts after a clean import.
 */
export type DataValueJson = { dataElement: string; categoryOptionCombo?: string; value: string };

export type DataValueSetJson = { dataSet: string; period: string; orgUnit: string; dataValues: DataValueJson[] };

export function toDataValueSet(payload: ReportPayload): DataValueSetJson {
  const period = checkPayload(payload);
  return {
    dataSet: payload.dataSet,
    period: period.id,
    orgUnit: payload.orgUnit,
    // Without categoryOptionCombo DHIS2 takes the default combo (data.md), so an undisaggregated value omits it.
    dataValues: payload.values.map(({ dataElement, disaggregation, value }) =>
      disaggregation
        ? { dataElement, categoryOptionCombo: disaggregation.categoryOptionCombo, value: formatValue(value) }
        : { dataElement, value: formatValue(value) },
    ),
  };
}

/** The file a district imports (POST /api/dataValueSets?idScheme=code, Content-Type application/json). */
export function writeDataValueSet(payload: ReportPayload): string {
  return `${JSON.stringify(toDataValueSet(payload), null, 2)}\n`;
}
