import type { ScaleSummary } from '../../../../shared/api/schemas/scales.js';
import type { ScaleDefinition } from '../../../../shared/scales/definitionSchema.js';
import { builtinScales } from '../../../../shared/scales/library.js';
import { validateDefinition } from '../../../../shared/scales/validateDefinition.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/driver.js';
import { AppError } from '../../errors.js';
import { definitionsStamp, importedDefinitions, resultCount, storeDefinition } from '../../repositories/scalesRepo.js';
import type { Vault } from '../../vault.js';
import { actorOf } from '../../auth/actor.js';

type Entry = { definition: ScaleDefinition; builtin: boolean };

/** Built-in definitions plus those the station imported; every version stays readable for old results. */
export class ScaleCatalog {
  constructor(
    private readonly vault: Vault,
    private readonly clock: Clock,
  ) {}

  /** Parsed and validated once per set of imported definitions (they are only ever added). */
  private cache: { stamp: string; entries: Entry[] } | null = null;

  private entries(db: Db): Entry[] {
    const stamp = definitionsStamp(db);
    if (this.cache?.stamp !== stamp) this.cache = { stamp, entries: this.load(db) };
    return this.cache.entries;
  }

  private load(db: Db): Entry[] {
    const imported = importedDefinitions(db).map(({ json }) => {
      const checked = validateDefinition(JSON.parse(json));
      if (!checked.ok) throw new AppError('INTERNAL');
      return { definition: checked.definition, builtin: false };
    });
    return [...[...builtinScales.values()].map((definition) => ({ definition, builtin: true })), ...imported];
  }

  /** A version, or the newest one. */
  find(id: string, version?: number): ScaleDefinition {
    const matches = this.entries(this.vault.connection())
      .map((entry) => entry.definition)
      .filter((definition) => definition.id === id && (version === undefined || definition.version === version));
    const found = matches.sort((a, b) => b.version - a.version)[0];
    if (!found) throw new AppError('NOT_FOUND', version === undefined ? `没有编号为 ${id} 的量表。` : `没有 ${id} 第 ${version} 版。`);
    return found;
  }

  /**
   * Residents answer alone at the kiosk or in a screening, so the scale must carry its item text;
   * licensed scales whose text the station has not imported cannot be offered there.
   */
  findWithText(id: string): ScaleDefinition {
    const definition = this.find(id);
    if (!definition.licence.textIncluded) {
      throw new AppError('INVALID_INPUT', `${definition.names.zh}未包含题目文本（版权原因），不能用于自助测评或普查；请先导入本站获授权的题目文本。`);
    }
    return definition;
  }

  /** Every band graded yellow or red, as `id@version#band`: a result in one counts as 异常 in the report (issue 14, SPS07). */
  abnormalBands(): Set<string> {
    return new Set(
      this.entries(this.vault.connection()).flatMap(({ definition }) =>
        definition.scoring.bands.filter((band) => band.color === 'yellow' || band.color === 'red').map((band) => `${definition.id}@${definition.version}#${band.id}`),
      ),
    );
  }

  nameOf(id: string): string {
    return builtinScales.get(id)?.names.zh ?? this.find(id).names.zh;
  }

  list(): ScaleSummary[] {
    const newest = new Map<string, Entry>();
    for (const entry of this.entries(this.vault.connection())) {
      const current = newest.get(entry.definition.id);
      if (!current || entry.definition.version > current.definition.version) newest.set(entry.definition.id, entry);
    }
    return [...newest.values()].map(({ definition, builtin }) => ({
      id: definition.id,
      version: definition.version,
      name: definition.names.zh,
      itemCount: definition.items.length,
      builtin,
      licenceStatus: definition.licence.status,
      textIncluded: definition.licence.textIncluded,
    }));
  }

  /**
   * Import validates everything and refuses anything ambiguous; it never replaces a built-in
   * version, nor an imported version that already has results.
   */
  import(session: Session, json: string): ScaleSummary {
    let raw: unknown;
    try {
      raw = JSON.parse(json);
    } catch {
      throw new AppError('INVALID_INPUT', '定义文件不是有效的 JSON。');
    }
    const checked = validateDefinition(raw);
    if (!checked.ok) throw new AppError('INVALID_INPUT', `量表定义有误：${checked.problems[0]}`, checked.problems.map((message) => ({ path: '', message })));
    const { definition } = checked;
    // A knowledge questionnaire would show as a clinical scale in the picker and the case files: it is no scale.
    if (definition.kind === 'knowledge') throw new AppError('INVALID_INPUT', `${definition.names.zh}是知晓率问卷，不是量表，不能导入量表库。`);
    return this.vault.write((db, audit) => {
      const builtin = builtinScales.get(definition.id);
      if (builtin && builtin.version === definition.version) {
        throw new AppError('INVALID_INPUT', `${definition.id} 第 ${definition.version} 版为内置版本，不能替换；请使用新的版本号。`);
      }
      if (resultCount(db, definition.id, definition.version) > 0) {
        throw new AppError('INVALID_INPUT', `${definition.id} 第 ${definition.version} 版已有测评结果，不能替换；请使用新的版本号。`);
      }
      storeDefinition(db, definition.id, definition.version, JSON.stringify(definition), session.userId ?? 0, this.clock.now().toISOString());
      audit({ ...actorOf(session), action: 'scales.import', objectType: 'scale', objectId: `${definition.id}@${definition.version}` });
      return this.list().find((summary) => summary.id === definition.id)!;
    });
  }

  export(id: string, version?: number): string {
    return `${JSON.stringify(this.find(id, version), null, 2)}\n`;
  }
}
