import { z } from 'zod';

/**
 * The zod twin of dataValueSet.schema.json (JSON Schema 2020-12): exactly the dataValueSets subset dataValueSet.ts
 * emits, nothing DHIS2 would also accept. DHIS2 publishes no stable schema to validate against (its OpenAPI is
 * generated per boot, station-work-and-reporting.md §4.1), so ours is the contract, and a unit test keeps the twins
 * agreeing on every fixture. The patterns are shared with the JSON file by their source text.
 */

/** A code or uid: not empty, no space at either end. */
export const identifierPattern = '^\\S(?:.*\\S)?$';
/** The four DHIS2 period ids we emit: yyyyMM, yyyyQn, yyyySn, yyyy (reports-standards.md §5.4). */
export const periodPattern = '^\\d{4}(?:0[1-9]|1[0-2]|Q[1-4]|S[12])?$';
/** DHIS2's numeric form (MathUtils NUMERIC_REGEXP): no exponent, no leading zeros, no plus sign. */
export const valuePattern = '^(-?0|-?[1-9]\\d*)(\\.\\d+)?$';

const identifier = z.string().regex(new RegExp(identifierPattern));

export const dataValueSetSchema = z.strictObject({
  dataSet: identifier,
  period: z.string().regex(new RegExp(periodPattern)),
  orgUnit: identifier,
  dataValues: z
    .array(z.strictObject({ dataElement: identifier, categoryOptionCombo: identifier.optional(), value: z.string().regex(new RegExp(valuePattern)) }))
    .min(1),
});
