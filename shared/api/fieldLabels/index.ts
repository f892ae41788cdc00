import { baseFieldLabels } from './base.js';
import { checklistFieldLabels } from './checklist.js';
import { districtFieldLabels } from './district.js';
import { ledgersFieldLabels } from './ledgers.js';
import { reportsFieldLabels } from './reports.js';

/**
 * The Chinese name of every field a contract input has, by its key: the default zod messages name
 * the field with it ("请选择咨询师。"). tests/unit/shared/zodMessages.test.ts fails when a contract
 * input has a key missing here. A key means the same thing wherever it appears, so one name fits all:
 * a feature may repeat a key only with the same name (a different one throws here, at load).
 * Each feature keeps its names in a file of this folder, listed below (one line per feature).
 */
export const fieldLabelSources: ReadonlyArray<readonly [feature: string, labels: Readonly<Record<string, string>>]> = [
  ['base', baseFieldLabels],
  ['ledgers', ledgersFieldLabels],
  ['checklist', checklistFieldLabels],
  ['reports', reportsFieldLabels],
  ['district', districtFieldLabels],
];

export function mergeFieldLabels(sources: typeof fieldLabelSources): Readonly<Record<string, string>> {
  const merged: Record<string, string> = {};
  const owner: Record<string, string> = {};
  for (const [feature, labels] of sources) {
    for (const [key, label] of Object.entries(labels)) {
      if (merged[key] !== undefined && merged[key] !== label) {
        throw new Error(`field ${key} is named ${merged[key]} by ${owner[key]} and ${label} by ${feature}`);
      }
      merged[key] = label;
      owner[key] ??= feature;
    }
  }
  return merged;
}

export const fieldLabels = mergeFieldLabels(fieldLabelSources);
