import type { VerifyResult } from '../../../../shared/api/schemas/system.js';
import { checkAnchors } from '../../audit/anchorCheck.js';
import { readAnchorFile } from '../../audit/anchorFile.js';
import { readAnchorSecret, recordedAnchorFindings } from '../../audit/anchorStore.js';
import { backupWitnesses } from '../../audit/anchorWitnesses.js';
import { verifyAuditChain } from '../../audit/auditLog.js';
import type { Db } from '../../db/driver.js';
import { describeIntegrity, integrityProblems } from '../../db/openDatabase.js';
import { unreadableClinicalFields } from '../../repositories/clinicalFields.js';
import type { Vault } from '../../vault.js';

type AnchorReport = VerifyResult['anchors'];

/**
 * The audit chain against every witness that can be found: the anchor file, every backup in the
 * backup folders and the named files, and what earlier unlocks found (their records stay findings:
 * rows that went missing do not come back).
 */
function anchorReport(vault: Vault, db: Db, witnessFiles: readonly string[]): AnchorReport {
  const sources = backupWitnesses(vault.backupFolders(db), witnessFiles);
  const state = readAnchorFile(vault.anchors.file);
  if (state.kind === 'present') sources.unshift({ label: '锚点文件', anchor: state.anchor, latest: true });
  const findings = checkAnchors(db, readAnchorSecret(db), sources);
  if (state.kind !== 'present') {
    findings.unshift({ source: '锚点文件', ok: false, compared: false, message: '找不到或无法读取审计锚点文件。' });
  }
  for (const message of recordedAnchorFindings(db)) {
    findings.push({ source: '解锁时的检查', ok: false, compared: true, message });
  }
  return { ok: findings.every((finding) => finding.ok), findings };
}

/** Integrity, the hash chain and its witnesses, read before the verification's own audit row. */
export function verifyStation(vault: Vault, db: Db, witnessFiles: readonly string[]): VerifyResult {
  const problems = integrityProblems(db, 'full');
  const auditChain = verifyAuditChain(db);
  const anchors = anchorReport(vault, db, witnessFiles);
  const clinical = vault.holdsClinical() ? unreadableClinicalFields(db, vault.clinicalKeys()) : null;
  const clinicalFields = { ok: (clinical?.total ?? 0) === 0, checked: clinical !== null, unreadable: clinical?.total ?? 0, named: clinical?.named ?? [] };
  return {
    ok: problems.length === 0 && auditChain.ok && anchors.ok && clinicalFields.ok,
    integrity: { ok: problems.length === 0, problems: describeIntegrity(problems) },
    auditChain,
    anchors,
    clinicalFields,
  };
}
