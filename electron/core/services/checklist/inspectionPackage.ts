import JSZip from 'jszip';
import type { ExportFile } from '../../../../shared/api/schemas/exports.js';
import type { PackageManifest } from '../../../../shared/api/schemas/inspections.js';
import { localFileStamp, wallClockAsUtc } from '../../../../shared/domain/dates.js';
import { inspectionKindWords } from '../../../../shared/domain/inspectionWords.js';
import { auditedRead } from '../../access/clinicalReach.js';
import type { Session } from '../../auth/sessionStore.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/driver.js';
import { exportFileName } from '../../export/xlsxTable.js';
import { listAttachments, readAttachment } from '../../repositories/attachmentsRepo.js';
import { readStation } from '../../repositories/stationRepo.js';
import type { Vault } from '../../vault.js';
import { inspectionPdf, numberedItems, type PackagedInspection } from './inspectionPdf.js';
import type { InspectionsService } from './inspectionsService.js';
import type { LedgerExport } from './packageLedgers.js';
import { sha256Hex } from '../../sha256.js';

type PackedFile = Readonly<{ path: string; data: Buffer }>;


/** A name Windows accepts as one path segment: its reserved characters replaced, no trailing dot or space. */
const segment = (name: string) => name.replace(/[<>:"/\\|?*\p{Cc}]+/gu, '_').replace(/[. ]+$/u, '').trim() || '_';

/** Paths made unique in one package: a repeated name gets （2）, （3） … before its extension. */
class UniquePaths {
  private readonly used = new Set<string>();

  take(path: string): string {
    const dot = path.lastIndexOf('.');
    const [stem, extension] = dot > path.lastIndexOf('/') ? [path.slice(0, dot), path.slice(dot)] : [path, ''];
    let candidate = path;
    for (let copy = 2; this.used.has(candidate.toLowerCase()); copy += 1) candidate = `${stem}（${copy}）${extension}`;
    this.used.add(candidate.toLowerCase());
    return candidate;
  }
}

/**
 * The evidence the inspection rests on: every file filed with an answer of the snapshot (佐证材料/<条目标题>/, in the
 * checklist's order) and every 整改 task's closure files (整改材料/<任务序号>/, numbered as in the PDF), decrypted by
 * the attachments repository with the clinical key the 站长's session holds.
 */
function evidenceFiles(db: Db, inspection: PackagedInspection): PackedFile[] {
  const folders = new UniquePaths();
  const files = new UniquePaths();
  const items = [...numberedItems(inspection.snapshot.template).values()];
  const answers = new Map(inspection.snapshot.answers.map((answer) => [answer.itemId, answer.id]));
  const owners = [
    ...items.flatMap(({ item }) => (answers.has(item.id) ? [{ ownerType: 'checklistItem' as const, ownerId: answers.get(item.id)!, folder: `佐证材料/${segment(item.title)}` }] : [])),
    ...inspection.rectifications.map((task, index) => ({ ownerType: 'rectification' as const, ownerId: task.id, folder: `整改材料/${index + 1}` })),
  ];
  return owners.flatMap(({ ownerType, ownerId, folder }) => {
    const stored = listAttachments(db, ownerType, ownerId);
    const unique = stored.length > 0 ? folders.take(folder) : folder;
    return stored.map((info) => ({ path: files.take(`${unique}/${segment(info.fileName)}`), data: readAttachment(db, info.id)!.data }));
  });
}

/** 清单.json: what the package is and, for each file, its path, size and SHA-256 (清单.sha256 vouches for this file). */
function manifestOf(station: string, inspection: PackagedInspection, session: Session, generatedAt: Date, files: readonly PackedFile[]): PackageManifest {
  const { template } = inspection.snapshot;
  return {
    station,
    inspection: { id: inspection.id, title: inspection.title, kind: inspectionKindWords[inspection.kind], inspectingBody: inspection.inspectingBody, plannedOn: inspection.plannedOn },
    period: inspection.period,
    template: { id: template.id, version: template.version, name: template.name },
    snapshotSha256: inspection.snapshotSha256,
    generatedAt: generatedAt.toISOString(),
    generatedBy: session.displayName,
    files: files.map((file) => ({ path: file.path, size: file.data.length, sha256: sha256Hex(file.data) })),
  };
}

/**
 * The 迎检包 (issue 13): one ZIP the 站长 hands to the 街道 with the inspection's checklist as a PDF, the ledgers of its
 * period as XLSX and the evidence files, with a manifest of every file's SHA-256 and the manifest's own SHA-256.
 */
export class InspectionPackageService {
  constructor(
    private readonly vault: Vault,
    private readonly clock: Clock,
    private readonly inspections: InspectionsService,
    private readonly ledgers: readonly LedgerExport[],
  ) {}

  async build(session: Session, inspectionId: number): Promise<ExportFile> {
    const generatedAt = this.clock.now();
    // The PDF, the ledgers, the evidence, then the manifest and its checksum.
    const fileCount = (evidence: number) => 1 + this.ledgers.length + evidence + 2;
    const { inspection, station, evidence } = auditedRead(
      this.vault,
      session,
      { action: 'inspections.package', objectType: 'inspection', objectId: inspectionId },
      (db) => {
        const read = this.inspections.read(db, session, inspectionId);
        return { inspection: read, station: readStation(db)?.name ?? '', evidence: evidenceFiles(db, read) };
      },
      (found) => ({ fileCount: fileCount(found.evidence.length), period: `${found.inspection.period.from}~${found.inspection.period.to}` }),
    );
    const ledgers: PackedFile[] = [];
    for (const run of this.ledgers) {
      const file = await run(session, inspection.period);
      ledgers.push({ path: `台账/${file.fileName}`, data: Buffer.from(file.dataBase64, 'base64') });
    }
    const files = [{ path: '检查表.pdf', data: inspectionPdf(station, inspection, generatedAt) }, ...ledgers, ...evidence];
    const manifest = Buffer.from(`${JSON.stringify(manifestOf(station, inspection, session, generatedAt, files), null, 2)}\n`, 'utf8');
    const zip = new JSZip();
    // DOS times in a ZIP have no zone: the station's wall clock, as Explorer shows it. Non-ASCII names get the
    // UTF-8 flag (general purpose bit 11) from JSZip, so Windows shows them in Chinese.
    const date = wallClockAsUtc(generatedAt);
    for (const file of [...files, { path: '清单.json', data: manifest }, { path: '清单.sha256', data: Buffer.from(`${sha256Hex(manifest)}  清单.json\n`, 'utf8') }]) {
      zip.file(file.path, file.data, { date, createFolders: false });
    }
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
    return { fileName: exportFileName(`迎检包_${inspection.title}`, localFileStamp(generatedAt), 'zip'), dataBase64: bytes.toString('base64'), rows: fileCount(evidence.length) };
  }
}
