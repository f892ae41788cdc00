/**
 * The district's view (issue 14): a 街道 or 区级中心 registers the stations below it (name, region code, level, the
 * fingerprint of the key that signs their packages, opening and closing dates), imports their packages — each
 * checked and either kept whole or refused with its reason — and reads completeness, timeliness, totals, each
 * station's values and the derived district indicators DST01–DST06 for a period.
 */
import { indicatorSet } from '../../reports/indicatorSetSchema.js';
import { z } from '../zod.js';
import { idSchema, isoDate, nameText } from './common.js';
import { geoJsonProblem } from '../../reports/geoJson.js';
import { dhis2ExportInput, draftInput, periodKey, reportHeaderInput, setFigures } from './reports.js';

/** 12 digits: a 村(社区) code (GB/T 2260 county + 3-digit town + 3-digit village), or its 6- or 9-digit prefix. */
export const regionCode = z.string().trim().regex(/^(\d{6}|\d{9}|\d{12})$/, '行政区划代码应为 6、9 或 12 位数字。');
/** SHA-256 of the station's public key as printed: 64 hex digits, spaces allowed. */
export const fingerprint = z
  .string()
  .transform((text) => text.replace(/\s+/g, '').toUpperCase())
  .refine((text) => /^[0-9A-F]{64}$/.test(text), { message: '公钥指纹应为 64 位十六进制字符（可带空格），请对照站点打印的指纹填写。' })
  .transform((text) => (text.match(/.{4}/g) ?? []).join(' '));

export const stationRegistration = z
  .object({
    name: nameText(2, 60, '站点名称'),
    regionCode,
    stationLevel: z.enum(['community', 'street'], { message: '请选择站点层级。' }),
    fingerprint,
    establishedOn: isoDate,
    withdrawnOn: isoDate.nullable().default(null),
  })
  .refine((station) => station.withdrawnOn === null || station.withdrawnOn >= station.establishedOn, { message: '撤销日期不能早于开站日期。', path: ['withdrawnOn'] });

export const stationUpdate = z.object({ id: idSchema, registration: stationRegistration });

export const registeredStation = z.object({
  id: idSchema,
  name: z.string(),
  regionCode: z.string(),
  stationLevel: z.enum(['community', 'street']),
  fingerprint: z.string(),
  establishedOn: isoDate,
  withdrawnOn: isoDate.nullable(),
  active: z.boolean(),
  /** The newest month it reported, and when. */
  lastPeriod: z.string().nullable(),
  lastGeneratedAt: z.string().nullable(),
});
export const stationList = z.object({ stations: z.array(registeredStation) });

/** One package file as chosen (a folder import sends its files one call each: a request holds at most 1 MiB). */
export const packageImportInput = z.object({
  fileName: z.string().trim().min(1).max(200),
  text: z.string().max(900_000, '上报文件过大（超过 900 KB），不是心驿上报文件。'),
});
export const packageImportResult = z.object({
  fileName: z.string(),
  accepted: z.boolean(),
  /** Why a file was refused, in Chinese; null when it was kept. */
  reason: z.string().nullable(),
  station: z.string().nullable(),
  period: z.string().nullable(),
  version: z.number().int().nullable(),
});

export const districtSettings = z.object({
  /** Days after a month's end a report is on time (DHIS2 timelyDays; 0 ignores timeliness). */
  timelyDays: z.number().int().min(0, '上报时限须在 0 到 60 天之间。').max(60, '上报时限须在 0 到 60 天之间。'),
  /** 常住人口, for DST04 (per 1,000 residents); null until the district enters it. */
  residents: z.number().int().positive('常住人口须为正整数。').max(100_000_000).nullable(),
  /** Number of 村(社区) in the district, for DST01 (建成率); null until entered. */
  communities: z.number().int().positive('村（社区）数须为正整数。').max(100_000).nullable(),
});
export type DistrictSettings = z.infer<typeof districtSettings>;

export const districtPeriodInput = z.object({ period: periodKey });

const completenessRow = z.object({
  stationId: idSchema,
  name: z.string(),
  regionCode: z.string(),
  status: z.enum(['onTime', 'late', 'missing', 'notExpected']),
  generatedAt: z.string().nullable(),
  version: z.number().int().nullable(),
  silentSixMonths: z.boolean(),
  /** The station's figures for the period (flows summed over its months, stocks its last month's); null when none arrived. */
  figures: setFigures.nullable(),
  /** Its checklist standing (CHK01 rate), when it reported. */
  checklistPercent: z.number().nullable(),
});

export const districtOverview = z.object({
  period: z.object({ key: z.string(), from: isoDate, to: isoDate, label: z.string() }),
  set: indicatorSet,
  settings: districtSettings,
  completeness: z.object({
    expected: z.number().int(),
    received: z.number().int(),
    onTime: z.number().int(),
    late: z.number().int(),
    missing: z.number().int(),
    rate: z.number().nullable(),
    onTimeRate: z.number().nullable(),
    strong: z.boolean(),
  }),
  stations: z.array(completenessRow),
  totals: setFigures,
  ratios: z.record(z.string(), z.number().nullable()),
  /** DST01–DST06 (reports-standards.md §3.1), each with how it was computed; null when its inputs are missing. */
  derived: z.array(z.object({ id: z.string(), name: z.string(), value: z.number().nullable(), unit: z.string(), basis: z.string() })),
});
export type DistrictOverview = z.infer<typeof districtOverview>;

export const receivedList = z.object({
  packages: z.array(
    z.object({
      id: idSchema,
      station: z.string(),
      regionCode: z.string(),
      period: z.string(),
      version: z.number().int(),
      generatedAt: z.string(),
      receivedAt: z.string(),
      fileName: z.string(),
      sha256: z.string(),
      correctionReason: z.string().nullable(),
    }),
  ),
});

export const receivedInput = z.object({ period: periodKey.optional() });

/**
 * The district's own report upward: the header it carries, notes on the totals' validation results, and — once a
 * version was made and the stations' reports it added up changed since — why the next version corrects it.
 */
export const districtUpwardInput = z.object({
  period: periodKey,
  ...reportHeaderInput.shape,
  notes: draftInput.shape.notes,
  correctionReason: z.string().trim().max(300, '更正原因不能超过 300 个字符。').optional().transform((text) => (text ? text : undefined)).refine((text) => text === undefined || text.length >= 4, { message: '更正原因至少 4 个字。' }),
});
export const districtUpwardVersions = z.object({
  versions: z.array(z.object({ version: z.number().int(), madeAt: z.string(), madeBy: z.string(), correctionReason: z.string().nullable(), sha256: z.string(), fileName: z.string() })),
  /** Whether stations' reports received since the latest version would change it (the next one needs a reason). */
  changedSinceLatest: z.boolean(),
});
export const districtDhis2Input = dhis2ExportInput;

/** The district's map as imported: its GeoJSON and the property holding each area's region code (kept to reopen). */
export const districtMapInput = z
  .object({
    geojson: z.string().max(900_000, '地图文件过大（超过 900 KB）：请先用 mapshaper 等工具简化边界后再导入。'),
    codeProperty: z.string().trim().min(1, '请选择保存行政区划代码的属性。').max(60, '属性名不能超过 60 个字符。'),
  })
  .superRefine((map, context) => {
    const problem = geoJsonProblem(map.geojson, map.codeProperty);
    if (problem) context.addIssue({ code: 'custom', message: problem, path: [problem.includes('属性') ? 'codeProperty' : 'geojson'] });
  });
export const districtMapView = z.object({ map: z.object({ geojson: z.string(), codeProperty: z.string(), importedAt: z.string() }).nullable() });
