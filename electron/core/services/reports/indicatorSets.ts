import { builtinIndicatorSets, defaultIndicatorSetId } from '../../../../shared/reports/library.js';
import type { IndicatorSet } from '../../../../shared/reports/indicatorSetSchema.js';
import { validateIndicatorSet } from '../../../../shared/reports/validateIndicatorSet.js';
import type { Db } from '../../db/driver.js';
import { AppError, fieldRefusal } from '../../errors.js';
import { sha256Hex } from '../../sha256.js';
import { importedSets, insertSet, readReportSettings } from '../../repositories/indicatorSetsRepo.js';

/** Every set the station may report with: the shipped ones and its district's imports (each version kept). */
export function allIndicatorSets(db: Db): Array<{ set: IndicatorSet; builtin: boolean }> {
  const imported = importedSets(db).flatMap((row) => {
    const checked = validateIndicatorSet(JSON.parse(row.definition) as unknown);
    return checked.ok ? [{ set: checked.set, builtin: false }] : [];
  });
  return [...[...builtinIndicatorSets.values()].map((set) => ({ set, builtin: true })), ...imported];
}

export function indicatorSetOf(db: Db, id: string, version: number): IndicatorSet | undefined {
  return allIndicatorSets(db).find(({ set }) => set.id === id && set.version === version)?.set;
}

/** The set the station (or district) reports with: the one its 站长 chose, else the shipped SPS set. */
export function currentIndicatorSet(db: Db): IndicatorSet {
  const settings = readReportSettings(db);
  const chosen = settings.setId !== null && settings.setVersion !== null ? indicatorSetOf(db, settings.setId, settings.setVersion) : undefined;
  return chosen ?? builtinIndicatorSets.get(defaultIndicatorSetId)!;
}

const summaryOf = (set: IndicatorSet, builtin: boolean, current: IndicatorSet) => ({
  id: set.id,
  version: set.version,
  name: set.name,
  citation: set.source.citation,
  builtin,
  indicators: set.indicators.length,
  current: set.id === current.id && set.version === current.version,
});

/** The sets with which one is in use, and the report settings. */
export function indicatorSetList(db: Db) {
  const current = currentIndicatorSet(db);
  return { sets: allIndicatorSets(db).map(({ set, builtin }) => summaryOf(set, builtin, current)), settings: readReportSettings(db) };
}

/**
 * A district's own set: checked whole with every problem named; an id and version already here is never replaced, and a
 * shipped id is not reused. The district sends the same file to its stations, so their packages match its own set.
 */
export function importIndicatorSet(db: Db, json: string, userId: number, at: string): IndicatorSet {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw fieldRefusal('setJson', '指标集文件不是有效的 JSON，请检查文件是否完整。');
  }
  const checked = validateIndicatorSet(raw);
  if (!checked.ok) throw new AppError('INVALID_INPUT', `指标集有 ${checked.problems.length} 处问题，未导入：${checked.problems.join('；')}`, checked.problems.map((message) => ({ path: 'setJson', message })));
  const { set } = checked;
  if (builtinIndicatorSets.has(set.id)) throw fieldRefusal('setJson', `编号 ${set.id} 是随软件提供的指标集，请为本区的指标集另起编号。`);
  if (indicatorSetOf(db, set.id, set.version)) throw fieldRefusal('setJson', `指标集 ${set.id} 的第 ${set.version} 版已经存在；修订后请用新的版本号导入，原版本保留不变。`);
  insertSet(db, { setId: set.id, version: set.version, definition: JSON.stringify(set) }, userId, at);
  return set;
}

/** A set's fingerprint in a package manifest: a district reads a package only with the very set it was counted by. */
export function indicatorSetSha256(set: IndicatorSet): string {
  return sha256Hex(JSON.stringify(set));
}
