import { addDays, localDay } from '../../domain/dates.js';
import { conflict, type Conflict } from './conflicts.js';
import type { DataValueJson, DataValueSetJson } from './dataValueSet.js';
import { indexMetadata, type Dhis2DataElement, type Dhis2DataSet, type Dhis2Metadata, type Dhis2OptionCombo, type Dhis2OrgUnit, type IdScheme, type MetadataIndex } from './metadata.js';
import { fromDhis2PeriodId, ordinalOfDay, dhis2PeriodIdAt, type Dhis2Period } from './periods.js';
import { isCheckedValueType, isInsignificantZero, valueTypeProblem } from './valueTypes.js';

/**
 * An offline replay of what DHIS2 does with a dataValueSets payload (station-work-and-reporting.md §4.2): dhis2-core
 * `dhis-service-dxf2/.../datavalueset/DataValueSetImportValidator.java`, whose checks run "in order of registration"
 * and stop a value at its first conflict. A dryRun on the server is no proof (§4.3), so this runs before any push.
 *
 * Replayed as if every strict import setting (keyDataImportStrictPeriods, …DataElements, …CategoryOptionCombos,
 * …OrganisationUnits, …AttributeOptionCombos) were on: a value that imports only with them off lands in a cell the
 * district's reports do not read. Not replayed, because they need the server's state or the pushing user: write
 * access and user hierarchy (E7601, E7614, E7616, E7617), approval (E7642), lock exceptions and the F_EDIT_EXPIRED
 * authority that lift E7640, and E7644 (the element's other data sets' input periods). Our payloads carry no comment,
 * storedBy, option set values or attribute option combo, so E7604, E7615, E7620, E7621, E7637–E7639 cannot arise.
 */
export type PreflightConflict = Conflict & Readonly<{ indexes: number[] }>;

export type PreflightResult = Readonly<{
  status: 'SUCCESS' | 'WARNING' | 'ERROR';
  /** DHIS2 counts refused values as ignored, beside zeros it does not store. */
  importCount: Readonly<{ imported: number; ignored: number }>;
  conflicts: PreflightConflict[];
  /** The envelope this result is about, so a completeness registration cannot borrow another payload's result. */
  checked: Readonly<{ dataSet: string; period: string; orgUnit: string }>;
}>;

export type PreflightOptions = Readonly<{ now: Date; idScheme: IdScheme }>;

type Context = Readonly<{
  index: MetadataIndex;
  dataSet: Dhis2DataSet;
  orgUnit: Dhis2OrgUnit;
  periodId: string;
  period: Dhis2Period | null;
  now: Date;
}>;

/** A value that passed every check: imported, or a zero DHIS2 skips without a conflict. */
type Passed = Readonly<{ ignored: boolean; element: Dhis2DataElement; comboKey: string; comboId: string | undefined }>;

const localMidnight = (day: string) => new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));

const keyOfSet = (context: Context) => context.index.dataSets.keyOf(context.dataSet);
/** How the payload's id scheme names DHIS2's default combo; a metadata export always carries it. */
const defaultComboKey = (index: MetadataIndex) => (index.defaultOptionCombo ? index.optionCombos.keyOf(index.defaultOptionCombo) : 'default');

/** The data sets an element is in: DHIS2 takes its period types, combos and open periods from them. */
const setsOf = (context: Context, element: Dhis2DataElement) =>
  context.index.allDataSets.filter((set) => set.dataSetElements.some((member) => member.dataElement.id === element.id));

/** DataValueSetImportValidator's "DataValue Validations": existence, then the value itself. */
function validate(value: DataValueJson, context: Context): Conflict | Omit<Passed, 'ignored'> {
  const { index } = context;
  const element = index.dataElements.byKey(value.dataElement);
  if (!element) return conflict.dataElementNotFound(value.dataElement);
  if (!context.period) return conflict.periodNotValid(context.periodId);
  const combo: Dhis2OptionCombo | undefined = value.categoryOptionCombo === undefined ? index.defaultOptionCombo : index.optionCombos.byKey(value.categoryOptionCombo);
  if (value.categoryOptionCombo !== undefined && !combo) return conflict.optionComboNotFound(value.categoryOptionCombo);
  if (value.value.trim() === '') return conflict.valueMissing(value.dataElement);
  if (!isCheckedValueType(element.valueType)) return conflict.uncheckedValueType(value.dataElement, element.valueType);
  const problem = valueTypeProblem(value.value, element.valueType);
  if (problem) return conflict.valueTypeMismatch(value.dataElement, problem);
  // Without a combo DHIS2 falls back to the default one (checkDataValueCategoryOptionCombo), named by the same scheme.
  const comboKey = value.categoryOptionCombo ?? defaultComboKey(index);
  return { element, comboKey, comboId: combo?.id };
}

/** "DataValue Constraints", in registration order; the org unit's open dates sit where the brief of issue 14 puts them. */
function constrain(value: DataValueJson, passed: Omit<Passed, 'ignored'>, context: Context): Conflict | 'ignored' | null {
  const { index, dataSet, orgUnit, period, periodId, now } = context;
  const { element, comboKey, comboId } = passed;
  const sets = setsOf(context, element);
  if (!period || !sets.some((set) => set.periodType === period.type)) return conflict.periodTypeMismatch(periodId, value.dataElement);
  if (!dataSet.dataSetElements.some((member) => member.dataElement.id === element.id)) return conflict.notInDataSet(value.dataElement, keyOfSet(context));
  // The element's own combo, or the one a data set overrides it with (DataElement.getCategoryOptionCombos).
  const overrides = sets.flatMap((set) => set.dataSetElements.filter((member) => member.dataElement.id === element.id).map((member) => member.categoryCombo?.id));
  const combos = new Set([element.categoryCombo.id, ...overrides]);
  const comboCombo = comboId ? index.optionCombos.byId(comboId)?.categoryCombo.id : index.defaultCategoryComboId;
  if (!comboCombo || !combos.has(comboCombo)) return conflict.optionComboNotInCombo(comboKey, value.dataElement);
  // We send no attribute option combo, so DHIS2 uses the default one: it must belong to one of the element's sets.
  if (!sets.some((set) => set.categoryCombo.id === index.defaultCategoryComboId)) return conflict.attributeComboNotInCombo(defaultComboKey(index), value.dataElement);
  if (!sets.some((set) => set.organisationUnits.some((unit) => unit.id === orgUnit.id))) return conflict.orgUnitNotAssigned(index.orgUnits.keyOf(orgUnit), value.dataElement);
  // DataValidator.validateOrganisationUnitPeriod (E2019, the /api/dataValues path): closed before the period starts,
  // or opened after its last day. Data entry refuses such a cell; a station that is not open has nothing to report.
  const closed = (orgUnit.closedDate && orgUnit.closedDate < localMidnight(period.from)) || orgUnit.openingDate > localMidnight(period.to);
  if (closed) return conflict.orgUnitClosed(index.orgUnits.keyOf(orgUnit), periodId);
  if (isInsignificantZero(value.value, element)) return 'ignored';
  // DataSet.isLocked: the period's last day (at 00:00) plus expiryDays, before now; 0 means no expiry.
  if (dataSet.expiryDays > 0 && localMidnight(addDays(period.to, dataSet.expiryDays)) < now) return conflict.expired(periodId, keyOfSet(context));
  // DataElement.getLatestOpenFuturePeriod: "rewind one as 0 open periods implies current period is locked".
  const latest = ordinalOfDay(period.type, localDay(now)) - 1 + dataSet.openFuturePeriods;
  if (period.ordinal > latest) return conflict.afterLatestOpen(periodId, value.dataElement, dhis2PeriodIdAt(period.type, latest));
  // DataSet.isDataInputPeriodAndDateAllowed / DataInputPeriod.isPeriodAndDateValid: no input periods = always open.
  const inWindow = (input: Dhis2DataSet['dataInputPeriods'][number]) =>
    input.period.id === periodId && (!input.openingDate || now > input.openingDate) && (!input.closingDate || now < input.closingDate);
  const open = dataSet.dataInputPeriods.length === 0 || dataSet.dataInputPeriods.some(inWindow);
  return open ? null : conflict.notOpenNow(periodId, keyOfSet(context));
}

function check(value: DataValueJson, context: Context): Conflict | Passed {
  const validated = validate(value, context);
  if ('errorCode' in validated) return validated;
  const constrained = constrain(value, validated, context);
  if (constrained === null || constrained === 'ignored') return { ...validated, ignored: constrained === 'ignored' };
  return constrained;
}

/** DHIS2 reports one conflict per distinct text and lists every value index it hit (ImportSummary.addConflict). */
function merge(found: ReadonlyArray<readonly [Conflict, number]>): PreflightConflict[] {
  const merged = new Map<string, PreflightConflict>();
  for (const [item, position] of found) {
    const key = `${item.errorCode}\u0000${item.object}\u0000${item.value}`;
    const known = merged.get(key);
    if (known) known.indexes.push(position);
    else merged.set(key, { ...item, indexes: [position] });
  }
  return [...merged.values()];
}

export function checkDataValueSet(payload: DataValueSetJson, metadata: Dhis2Metadata, options: PreflightOptions): PreflightResult {
  const index = indexMetadata(metadata, options.idScheme);
  const checked = { dataSet: payload.dataSet, period: payload.period, orgUnit: payload.orgUnit };
  const dataSet = index.dataSets.byKey(payload.dataSet);
  const orgUnit = index.orgUnits.byKey(payload.orgUnit);
  // Data-set level checks all run, then abort the whole import on any of them (abortDataSetImport). DHIS2 then counts
  // nothing; we count every value as ignored, since none of them arrives.
  if (!dataSet || !orgUnit) {
    const found = [...(dataSet ? [] : [conflict.dataSetNotFound(payload.dataSet)]), ...(orgUnit ? [] : [conflict.orgUnitNotFound(payload.orgUnit)])];
    return { status: 'ERROR', importCount: { imported: 0, ignored: payload.dataValues.length }, conflicts: found.map((item) => ({ ...item, indexes: [] })), checked };
  }
  const context: Context = { index, dataSet, orgUnit, periodId: payload.period, period: fromDhis2PeriodId(payload.period), now: options.now };
  const outcomes = payload.dataValues.map((value) => check(value, context));
  const found: Array<readonly [Conflict, number]> = [];
  outcomes.forEach((outcome, position) => {
    if ('errorCode' in outcome) found.push([outcome, position]);
  });
  // Two rows for one cell: every one of them is held back, since nobody can tell which number is right.
  const cells = new Map<string, number[]>();
  outcomes.forEach((outcome, position) => {
    if ('errorCode' in outcome) return;
    const cell = `${outcome.element.id}\u0000${outcome.comboId ?? ''}`;
    cells.set(cell, [...(cells.get(cell) ?? []), position]);
  });
  const duplicated = new Set<number>();
  for (const positions of cells.values()) {
    if (positions.length < 2) continue;
    for (const position of positions) {
      const value = payload.dataValues[position]!;
      const outcome = outcomes[position] as Passed;
      found.push([conflict.duplicate(value.dataElement, outcome.comboKey), position]);
      duplicated.add(position);
    }
  }
  const imported = outcomes.filter((outcome, position) => !('errorCode' in outcome) && !outcome.ignored && !duplicated.has(position)).length;
  const conflicts = merge(found.sort(([, a], [, b]) => a - b));
  // DHIS2: ERROR when nothing could be imported for a conflict; all-zero payloads are a success that stores nothing.
  const status = conflicts.length === 0 ? 'SUCCESS' : imported === 0 ? 'ERROR' : 'WARNING';
  return { status, importCount: { imported, ignored: payload.dataValues.length - imported }, conflicts, checked };
}
