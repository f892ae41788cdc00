import { appointmentsAuditWords } from './appointments.js';
import { caseFilesAuditWords } from './caseFiles.js';
import { foundationAuditWords } from './foundation.js';
import { kioskAuditWords } from './kiosk.js';
import { ledgersAuditWords } from './ledgers.js';
import { roleNames } from './roles.js';
import { scalesAuditWords } from './scales.js';
import type { AuditWordGroup, AuditWordLookup } from '../describe.js';

type Words = { [code: string]: string | Words };

/** Every feature's audit words in one tree, as vue-i18n merges the features' messages (one line per feature). */
const featureWords: readonly Partial<Record<AuditWordGroup, Words>>[] = [foundationAuditWords, appointmentsAuditWords, caseFilesAuditWords, scalesAuditWords, kioskAuditWords, ledgersAuditWords];

function wordAt(tree: Words | undefined, code: string): string | undefined {
  let node: string | Words | undefined = tree;
  for (const part of code.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** The Chinese words for documents core writes (the XLSX audit export); the screen reads the same through vue-i18n. */
export const chineseAuditWord: AuditWordLookup = (group, code) => {
  if (group === 'roles') return wordAt(roleNames, code);
  for (const words of featureWords) {
    const found = wordAt(words[group], code);
    if (found !== undefined) return found;
  }
  return undefined;
};
