/**
 * The upward package (issue 14): one file per station and period, `<行政区划代码>-<station>-<period>.xyp`. It is a
 * small JSON envelope around the exact text that was signed (so no re-serialisation can change a signed byte): the
 * payload holds a manifest (station, level, region code, period, version, indicator set, app version, when it was made,
 * the audit chain head), the figures, the validation results and the notes explaining them — aggregates only, never a
 * name, an ID number, a phone, an address or a record's note — and an Ed25519 signature by the station's key.
 */
import { z } from '../api/zod.js';

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);
const figureRecord = z.record(z.string(), z.object({ total: z.number(), breakdown: z.record(z.string(), z.record(z.string(), z.number())) }));

export const packageManifest = z.object({
  station: z.object({ name: z.string().min(1), level: z.enum(['community', 'street', 'district']), regionCode: z.string() }),
  period: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  /** 1 for the first submission; a correction carries the next number and its reason. */
  version: z.number().int().positive(),
  correctionReason: z.string().nullable(),
  indicatorSet: z.object({ id: z.string(), version: z.number().int().positive(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  appVersion: z.string(),
  generatedAt: z.string(),
  submittedAt: z.string(),
  header: z.object({ preparedBy: z.string(), contactPhone: z.string(), reviewer: z.string(), reviewedAt: z.string() }),
  /** The audit chain's head when the file was made: the hardening issue's outside witness of the log's length. */
  auditHead: z.object({ seq: z.number().int().min(0), hash: z.string() }),
  keyFingerprint: z.string(),
});
export type PackageManifest = z.infer<typeof packageManifest>;

export const packagePayload = z.object({
  manifest: packageManifest,
  figures: figureRecord,
  ratios: z.record(z.string(), z.number().nullable()),
  violations: z.array(z.object({ ruleId: z.string(), name: z.string(), left: z.number(), operator: z.string(), right: z.number() })),
  /** The station's explanations of validation results, by rule id (they travel with the report). */
  notes: z.record(z.string(), z.string()),
  /** A district's total only: how many stations it expected and heard from, station by station (no figures of theirs). */
  coverage: z
    .object({
      expected: z.number().int().min(0),
      received: z.number().int().min(0),
      onTime: z.number().int().min(0),
      late: z.number().int().min(0),
      missing: z.number().int().min(0),
      stations: z.array(z.object({ name: z.string(), regionCode: z.string(), status: z.enum(['onTime', 'late', 'missing', 'notExpected']), version: z.number().int().nullable() })),
    })
    .optional(),
});
export type PackagePayload = z.infer<typeof packagePayload>;

export const packageEnvelope = z.object({
  format: z.literal('xinyi-report-package'),
  formatVersion: z.literal(1),
  payload: z.string(),
  signature: z.object({ algorithm: z.literal('Ed25519'), publicKey: base64, value: base64 }),
});
export type PackageEnvelope = z.infer<typeof packageEnvelope>;

/** A file name Windows accepts: `<行政区划代码>-<station>-<period>.xyp` (v2 and later add 更正N). */
export function packageFileName(manifest: Pick<PackageManifest, 'station' | 'period' | 'version'>): string {
  const name = `${manifest.station.regionCode || '000000'}-${manifest.station.name}-${manifest.period}${manifest.version > 1 ? `-更正${manifest.version - 1}` : ''}.xyp`;
  return name.replace(/[<>:"/\\|?*\s]+/g, '_');
}

/** A key's fingerprint as staff read it aloud or compare on paper: SHA-256 of the raw key, 16 groups of 4 hex digits. */
export function groupFingerprint(hex: string): string {
  return (hex.toUpperCase().match(/.{4}/g) ?? []).join(' ');
}
