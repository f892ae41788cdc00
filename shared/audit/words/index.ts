import { appointmentsAuditWords } from './appointments.js';
import { caseFilesAuditWords } from './caseFiles.js';
import { checklistAuditWords } from './checklist.js';
import { districtAuditWords } from './district.js';
import { foundationAuditWords } from './foundation.js';
import { kioskAuditWords } from './kiosk.js';
import { ledgersAuditWords } from './ledgers.js';
import { reportsAuditWords } from './reports.js';
import { roleNames } from './roles.js';
import { scalesAuditWords } from './scales.js';
import type { AuditWordGroup, AuditWordLookup } from '../describe.js';

type Words = { [code: string]: string | Words };

/** The codes one word group declares across the features: what an audit row may use there, and nothing else. */
type FeatureWords = (typeof featureWordTrees)[number];
type CodesOf<Group extends string> = FeatureWords extends infer W ? (W extends { [K in Group]: infer Codes } ? keyof Codes & string : never) : never;
/** What an audit row may name as its object: every one has a Chinese word, so the 审计日志 never shows a raw code. */
export type AuditObjectType = CodesOf<'objects'>;
/** The keys an audit row's detail may carry, each with its Chinese word. */
export type AuditDetailKey = CodesOf<'details'>;

/** Every feature's audit words in one tree, as vue-i18n merges the features' messages (one line per feature). */
const featureWordTrees = [foundationAuditWords, appointmentsAuditWords, caseFilesAuditWords, scalesAuditWords, kioskAuditWords, ledgersAuditWords, checklistAuditWords, reportsAuditWords, districtAuditWords] as const;
const featureWords: readonly Partial<Record<AuditWordGroup, Words>>[] = featureWordTrees;

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
