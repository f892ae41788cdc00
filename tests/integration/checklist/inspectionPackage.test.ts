import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { shownText } from '../../../electron/core/export/pdf/pdfLayout.js';
import { packageManifest } from '../../../shared/api/schemas/inspections.js';
import { caseFileStation } from '../helpers/caseFileStation.js';
import { districtTemplate } from '../helpers/checklistTemplates.js';
import { addInspector, openInspection } from '../helpers/inspector.js';
import { auditRows, userIds } from '../helpers/ledgers.js';
import { disposeWhenTestEnds } from '../helpers/station.js';
import { readLedgerSheet } from '../helpers/workbook.js';

const today = '2026-11-23';
const png = (marker: number) => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, marker, 2, 3]);
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const utf16Hex = (text: string) => Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase();

/** The names in a ZIP's central directory with their general purpose flags (APPNOTE.TXT §4.3.12, §4.4.4). */
function centralNames(zip: Buffer): Array<{ name: string; utf8: boolean }> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const names = [];
  for (let at = zip.readUInt32LE(end + 16), left = zip.readUInt16LE(end + 10); left > 0; left -= 1) {
    const nameLength = zip.readUInt16LE(at + 28);
    names.push({ name: zip.subarray(at + 46, at + 46 + nameLength).toString('utf8'), utf8: (zip.readUInt16LE(at + 8) & 0x0800) !== 0 });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return names;
}

/** Every in-use xref entry points at its "N 0 obj" (ISO 32000-1 §7.5.4). */
function checkXref(pdf: Buffer): void {
  const text = pdf.toString('latin1');
  const start = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
  const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(start))!;
  const entries = text.slice(start).split('\n').slice(2, 2 + Number(count));
  entries.forEach((entry, index) => {
    expect(entry).toMatch(/^\d{10} \d{5} [nf] $/);
    if (entry.endsWith('n ')) expect(text.slice(Number(entry.slice(0, 10)))).toMatch(new RegExp(`^${Number(first) + index} 0 obj\n`));
  });
}

/** A 自查 of the district standard: 自评 of 功能区 with two photos of the same name, a finding, 整改 closed with a photo. */
async function inspectedStation() {
  const setup = disposeWhenTestEnds(await caseFileStation());
  const { station, liwei } = setup;
  const ref = { templateId: 'district-room-standard', version: 1 };
  await station.call(station.admin, 'checklist.importTemplate', { templateJson: JSON.stringify(districtTemplate()) });
  await station.call(station.admin, 'checklist.choose', ref);
  const answerId = (await station.call(station.admin, 'checklist.assess', { ...ref, itemId: 'areas', levelReached: 3, note: '接待、咨询、团辅三区' })).answers[0]!.id;
  for (const marker of [1, 2]) await station.call(station.admin, 'attachments.add', { ownerType: 'checklistItem', ownerId: answerId, fileName: '平面图.png', mime: 'image/png', dataBase64: png(marker).toString('base64') });
  const inspection = await openInspection(station, today, 'self');
  await station.call(station.admin, 'inspections.score', { inspectionId: inspection.id, itemId: 'areas', levelReached: 2, note: '团辅区兼作会议室' });
  const found = await station.call(station.admin, 'inspections.addFinding', { inspectionId: inspection.id, itemId: 'staff', point: '在岗人员', requirement: '专职人员不少于 2 名', location: '服务室', observedOn: today, problem: '人员台账中没有在岗人员' });
  await station.call(station.admin, 'inspections.conclude', { inspectionId: inspection.id, verdict: 'fail', opinion: '关键项未达标，限期整改。' });
  const ids = await userIds(setup);
  const tasked = await station.call(station.admin, 'inspections.addRectification', { inspectionId: inspection.id, findingId: found.findings[0]!.id, task: '录入两名专职人员', assigneeId: ids.liwei!, dueOn: '2026-12-20' });
  await station.call(liwei, 'attachments.add', { ownerType: 'rectification', ownerId: tasked.rectifications[0]!.id, fileName: '聘用合同.png', mime: 'image/png', dataBase64: png(3).toString('base64') });
  return { ...setup, inspectionId: inspection.id, snapshotSha256: inspection.snapshotSha256 };
}

describe('the 迎检包 of an inspection (issue 13)', () => {
  it('zips the checklist PDF, the period ledgers and the evidence with a manifest whose every entry checks out', async () => {
    const setup = await inspectedStation();
    const { station, inspectionId } = setup;
    const file = await station.call(station.admin, 'inspections.package', { inspectionId });
    expect(file.fileName).toMatch(/^迎检包_2026_年度验收_\d{8}-\d{6}\.zip$/);
    const bytes = Buffer.from(file.dataBase64, 'base64');
    const zip = await JSZip.loadAsync(bytes);
    const paths = Object.values(zip.files).filter((entry) => !entry.dir).map((entry) => entry.name);
    expect(file.rows).toBe(paths.length);
    expect(centralNames(bytes).filter((entry) => !entry.utf8)).toEqual([]);

    const manifestBytes = await zip.file('清单.json')!.async('nodebuffer');
    expect(await zip.file('清单.sha256')!.async('string')).toBe(`${sha256(manifestBytes)}  清单.json\n`);
    const manifest = packageManifest.parse(JSON.parse(manifestBytes.toString('utf8')));
    expect(manifest).toMatchObject({
      station: '胜利路街道社会心理服务站',
      inspection: { id: inspectionId, title: '2026 年度验收', kind: '自查', plannedOn: today },
      period: { from: '2025-11-23', to: today },
      template: { id: 'district-room-standard', version: 1 },
      snapshotSha256: setup.snapshotSha256,
      generatedAt: '2026-11-23T02:00:00.000Z',
      generatedBy: '王站长',
    });
    expect([...manifest.files.map((entry) => entry.path), '清单.json', '清单.sha256'].sort()).toEqual([...paths].sort());
    for (const entry of manifest.files) {
      const content = await zip.file(entry.path)!.async('nodebuffer');
      expect({ path: entry.path, size: content.length, sha256: sha256(content) }).toEqual(entry);
    }

    // The evidence, byte for byte; a second file of the same name is numbered, not lost.
    const uploaded = { '佐证材料/功能区/平面图.png': png(1), '佐证材料/功能区/平面图（2）.png': png(2), '整改材料/1/聘用合同.png': png(3) };
    expect(paths.filter((path) => path.endsWith('.png'))).toEqual(Object.keys(uploaded));
    for (const [path, data] of Object.entries(uploaded)) expect((await zip.file(path)!.async('nodebuffer')).equals(data)).toBe(true);

    // The ledgers of the period, as the ledgers export them.
    const ledgers = paths.filter((path) => path.startsWith('台账/'));
    expect(ledgers).toHaveLength(9);
    for (const path of ledgers) {
      const sheet = await readLedgerSheet({ fileName: path, dataBase64: await zip.file(path)!.async('base64'), rows: 0 });
      expect(sheet.title).toMatch(/^胜利路街道社会心理服务站 · /);
    }
    expect(ledgers).toContain('台账/人员台账_2025-11-23_至_2026-11-23.xlsx');

    // The PDF: a whole file whose cross-references hold, in Chinese, with "第 N 页 共 M 页" under every page.
    const pdf = await zip.file('检查表.pdf')!.async('nodebuffer');
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-1.7\n')).toBe(true);
    expect(text.endsWith('%%EOF\n')).toBe(true);
    checkXref(pdf);
    for (const shown of ['胜利路街道社会心理服务站', '功能区', '关键项未达标，限期整改。', '人员台账中没有在岗人员', '录入两名专职人员']) expect(text).toContain(utf16Hex(shown));
    expect(text).toContain('/BaseFont /STSong-Light /Encoding /UniGB-UTF16-H');
    const pages = Number(/\/Type \/Pages \/Kids \[[^\]]*\] \/Count (\d+)/.exec(text)![1]);
    for (let page = 1; page <= pages; page += 1) expect(text).toContain(shownText(`第 ${page} 页 共 ${pages} 页`, 9));

    const audit = (await auditRows(setup, 'inspections.package'))[0];
    expect(audit).toMatchObject({ actorName: 'admin', objectType: 'inspection', objectId: String(inspectionId), detail: { fileCount: file.rows, period: `2025-11-23~${today}` } });
  });

  it('is written from the snapshot: the same inspection at the same moment gives the same PDF whatever the live checklist says now', async () => {
    const { station, inspectionId } = await inspectedStation();
    const pdfOf = async () => {
      const zip = await JSZip.loadAsync(Buffer.from((await station.call(station.admin, 'inspections.package', { inspectionId })).dataBase64, 'base64'));
      return zip.file('检查表.pdf')!.async('nodebuffer');
    };
    const before = await pdfOf();
    await station.call(station.admin, 'checklist.assess', { templateId: 'district-room-standard', version: 1, itemId: 'areas', levelReached: 0, note: '功能区已拆除' });
    const after = await pdfOf();
    expect(after.equals(before)).toBe(true);
    expect(after.toString('latin1')).not.toContain(utf16Hex('功能区已拆除'));
  });

  it('is the 站长\'s alone: a counsellor and an inspector are refused, an unknown inspection is not found', async () => {
    const setup = await inspectedStation();
    const { station, liwei, inspectionId } = setup;
    const other = await openInspection(station, today, 'acceptance');
    const inspector = await addInspector(station, other.id, 'jiancha', '2026-11-30');
    expect(await station.raw(liwei, 'inspections.package', { inspectionId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await station.raw(inspector, 'inspections.package', { inspectionId: other.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await station.raw(station.admin, 'inspections.package', { inspectionId: 9999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '找不到该检查。' } });
    expect(await auditRows(setup, 'inspections.package')).toEqual([]);
  });
});
