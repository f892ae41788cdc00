import { z } from 'zod';
import { Dhis2ExportError } from './values.js';

/**
 * The part of a DHIS2 metadata export (`GET /api/metadata` or `/api/dataSets/{uid}/metadata`, station-work-and-
 * reporting.md §4.2) that the pre-flight reads. Unknown fields are dropped; references inside an export are always by
 * uid ({ id }), whatever idScheme the payload uses. Field meanings: dhis2-core DataSet.java, DataElement.java,
 * OrganisationUnit.java, DataInputPeriod.java.
 */
const ref = z.object({ id: z.string().min(1) });

/**
 * DHIS2 writes dates as `2026-11-01T00:00:00.000` without a zone, meaning the server's clock; we read them on the
 * station's clock, assuming a district server in the same zone (China has one). An explicit zone is honoured.
 */
const dhis2Date = z.string().transform((text, context) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/.exec(text);
  const date = match
    ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), Number(match[4] ?? 0), Number(match[5] ?? 0), Number(match[6] ?? 0), Number((match[7] ?? '0').padEnd(3, '0')))
    : new Date(text);
  if (Number.isNaN(date.getTime())) {
    context.addIssue({ code: 'custom', message: `日期“${text}”无法识别。` });
    return z.NEVER;
  }
  return date;
});

const named = { id: z.string().min(1), code: z.string().optional(), name: z.string() };

const dataSetSchema = z.object({
  ...named,
  periodType: z.string(),
  /** Periods after the current one open for entry; 0 closes the current period too (DataElement.getLatestOpenFuturePeriod). */
  openFuturePeriods: z.number().int().min(0).default(0),
  /** Days after the period's end before entry locks; 0 never locks (DataSet.isLocked, NO_EXPIRY). */
  expiryDays: z.number().int().min(0).default(0),
  timelyDays: z.number().min(0).default(15),
  categoryCombo: ref,
  dataSetElements: z.array(z.object({ dataElement: ref, categoryCombo: ref.optional() })).default([]),
  organisationUnits: z.array(ref).default([]),
  dataInputPeriods: z.array(z.object({ period: ref, openingDate: dhis2Date.optional(), closingDate: dhis2Date.optional() })).default([]),
});

const dataElementSchema = z.object({
  ...named,
  valueType: z.string(),
  categoryCombo: ref,
  zeroIsSignificant: z.boolean().default(false),
  aggregationType: z.string().default('SUM'),
});

export const dhis2MetadataSchema = z.object({
  dataSets: z.array(dataSetSchema).default([]),
  dataElements: z.array(dataElementSchema).default([]),
  categoryCombos: z.array(z.object({ ...named, categories: z.array(ref).default([]) })).default([]),
  categories: z.array(z.object({ ...named, categoryOptions: z.array(ref).default([]) })).default([]),
  categoryOptions: z.array(z.object(named)).default([]),
  categoryOptionCombos: z.array(z.object({ ...named, categoryCombo: ref, categoryOptions: z.array(ref).default([]) })).default([]),
  organisationUnits: z.array(z.object({ ...named, openingDate: dhis2Date, closedDate: dhis2Date.optional() })).default([]),
});

export type Dhis2Metadata = z.output<typeof dhis2MetadataSchema>;
export type Dhis2DataSet = Dhis2Metadata['dataSets'][number];
export type Dhis2DataElement = Dhis2Metadata['dataElements'][number];
export type Dhis2OrgUnit = Dhis2Metadata['organisationUnits'][number];
export type Dhis2OptionCombo = Dhis2Metadata['categoryOptionCombos'][number];

/** A metadata export as the pre-flight reads it; throws Dhis2ExportError (Chinese) naming the first bad field. */
export function readDhis2Metadata(json: unknown): Dhis2Metadata {
  const result = dhis2MetadataSchema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new Dhis2ExportError(`DHIS2 元数据文件有误（${issue.path.join('.') || '根'}）：${issue.message}`);
}

export type IdScheme = 'code' | 'uid';

type Named = { id: string; code?: string | undefined };

/** Objects of one kind by the key a payload names them with (idScheme), and by uid for references inside the export. */
export type Lookup<T extends Named> = Readonly<{ byKey: (key: string) => T | undefined; byId: (id: string) => T | undefined; keyOf: (item: T) => string }>;

function lookup<T extends Named>(items: readonly T[], idScheme: IdScheme): Lookup<T> {
  const byId = new Map(items.map((item) => [item.id, item]));
  const keyOf = (item: T) => (idScheme === 'uid' ? item.id : (item.code ?? ''));
  const byKey = new Map(items.filter((item) => keyOf(item) !== '').map((item) => [keyOf(item), item]));
  return { byKey: (key) => byKey.get(key), byId: (id) => byId.get(id), keyOf };
}

export type MetadataIndex = Readonly<{
  dataSets: Lookup<Dhis2DataSet>;
  dataElements: Lookup<Dhis2DataElement>;
  optionCombos: Lookup<Dhis2OptionCombo>;
  orgUnits: Lookup<Dhis2OrgUnit>;
  /** Every data set, to find those an element or an org unit belongs to. */
  allDataSets: readonly Dhis2DataSet[];
  /** DHIS2's default category option combo (named "default" in every export), which a value without a combo takes. */
  defaultOptionCombo: Dhis2OptionCombo | undefined;
  /** The default category combo's uid: a data set with another one has attribute option combos (funding projects). */
  defaultCategoryComboId: string | undefined;
}>;

export function indexMetadata(metadata: Dhis2Metadata, idScheme: IdScheme): MetadataIndex {
  return {
    dataSets: lookup(metadata.dataSets, idScheme),
    dataElements: lookup(metadata.dataElements, idScheme),
    optionCombos: lookup(metadata.categoryOptionCombos, idScheme),
    orgUnits: lookup(metadata.organisationUnits, idScheme),
    allDataSets: metadata.dataSets,
    defaultOptionCombo: metadata.categoryOptionCombos.find((combo) => combo.name === 'default'),
    defaultCategoryComboId: metadata.categoryCombos.find((combo) => combo.name === 'default')?.id,
  };
}
