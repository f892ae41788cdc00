import type { DataValueSetJson } from './dataValueSet.js';
import type { PreflightResult } from './preflight.js';
import { Dhis2ExportError } from './values.js';

/**
 * Completeness goes in its own request, POST /api/completeDataSetRegistrations (reports-standards.md §5.6), and only
 * for values that will import: 2.41/2.42 register completeness even when every value is refused, and a completed
 * report is what the district's reporting rate counts (station-work-and-reporting.md §4.3, dhis2w #79). So it is made
 * only from a clean pre-flight of the very same payload; the push must still send it after the import succeeded.
 */
export type CompleteRegistrationJson = {
  completeDataSetRegistrations: Array<{ dataSet: string; period: string; organisationUnit: string; completed: true }>;
};

export function toCompleteRegistration(payload: DataValueSetJson, preflight: PreflightResult): CompleteRegistrationJson {
  const { checked } = preflight;
  if (checked.dataSet !== payload.dataSet || checked.period !== payload.period || checked.orgUnit !== payload.orgUnit) {
    throw new Dhis2ExportError('这份检查结果属于另一份报表（数据集、统计期或机构不同），请先检查这份报表本身。');
  }
  if (preflight.status !== 'SUCCESS' || preflight.conflicts.length > 0) {
    throw new Dhis2ExportError(`报表检查发现 ${preflight.conflicts.length} 个问题，全部解决前不能标记为“已完成上报”。`);
  }
  return { completeDataSetRegistrations: [{ dataSet: payload.dataSet, period: payload.period, organisationUnit: payload.orgUnit, completed: true }] };
}

/** The request body, as the district posts it after the values imported. */
export function writeCompleteRegistration(payload: DataValueSetJson, preflight: PreflightResult): string {
  return `${JSON.stringify(toCompleteRegistration(payload, preflight), null, 2)}\n`;
}
