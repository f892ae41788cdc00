import type { reportsContract } from '../../../../shared/api/contract/reports.js';
import { requireSession } from '../../auth/actor.js';
import type { FeatureHandlers } from '../../handlerTable.js';
import type { ReportFiles } from './reportFiles.js';
import type { ReportsService } from './reportsService.js';

export type ReportsDeps = Readonly<{ reports: ReportsService; files: ReportFiles }>;

/** The reports feature's handlers (issue 14). */
export function createReportsHandlers({ reports, files }: ReportsDeps): FeatureHandlers<typeof reportsContract> {
  return {
    'reports.preview': (input) => reports.preview(input),
    'reports.drill': (input, session) => reports.drill(requireSession(session), input),
    'reports.trend': (input) => reports.trend(input),
    'reports.list': () => reports.list(),
    'reports.saveDraft': (input, session) => reports.saveDraft(requireSession(session), input),
    'reports.submit': (input, session) => reports.submit(requireSession(session), input.period),
    'reports.correct': (input, session) => reports.correct(requireSession(session), input),
    'reports.package': (input, session) => files.package(requireSession(session), input.period),
    'reports.answer': (input, session) => reports.answer(requireSession(session), input),
    'reports.exportXlsx': (input, session) => files.workbook(requireSession(session), input),
    'reports.highRiskList': (input, session) => files.highRiskList(requireSession(session), input.period),
    'reports.stationKey': () => files.stationKey(),
    'reports.pdf': (input, session) => files.pdf(requireSession(session), input),
    'reports.dhis2': (input, session) => files.dhis2(requireSession(session), input),
    'reports.dhis2Metadata': () => files.dhis2Metadata(),
    'reports.indicatorSets': () => reports.indicatorSets(),
    'reports.importIndicatorSet': (input, session) => reports.importIndicatorSet(requireSession(session), input.setJson),
    'reports.saveSettings': (input, session) => reports.saveSettings(requireSession(session), input),
  };
}
