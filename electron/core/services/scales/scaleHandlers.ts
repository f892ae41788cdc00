import type { scalesContract } from '../../../../shared/api/contract/scales.js';
import { requireSession } from '../../auth/actor.js';
import type { FeatureHandlers } from '../../handlerTable.js';
import type { ResultsService } from './resultsService.js';
import type { ScaleCatalog } from './scaleCatalog.js';
import type { ScreeningService } from './screeningService.js';
import type { ScalesExport } from './scalesExport.js';

export type ScaleDeps = Readonly<{ catalog: ScaleCatalog; results: ResultsService; screenings: ScreeningService; exports: ScalesExport }>;

export function createScaleHandlers({ catalog, results, screenings, exports }: ScaleDeps): FeatureHandlers<typeof scalesContract> {
  return {
    'scales.list': () => catalog.list(),
    'scales.get': (input) => ({ json: catalog.export(input.id, input.version) }),
    'scales.import': (input, session) => catalog.import(requireSession(session), input.json),
    'results.submit': (input, session) => results.submit(requireSession(session), input),
    'results.list': (input, session) => results.list(requireSession(session), input.clientId, input.scaleId, input.limit),
    'results.get': (input, session) => results.get(requireSession(session), input.id),
    'results.kioskList': (input, session) => results.kioskList(requireSession(session), input.date, input.unlinkedOnly),
    'results.linkClient': (input, session) => results.linkClient(requireSession(session), input.resultId, input.clientId),
    'results.export': (input, session) => exports.results(requireSession(session), input),
    'alerts.list': (input, session) => results.alertList(requireSession(session), input.open),
    'alerts.acknowledge': (input, session) => results.acknowledge(requireSession(session), input.id, input.actionNote),
    'screenings.create': (input, session) => screenings.create(requireSession(session), input),
    'screenings.list': (_input, session) => screenings.list(requireSession(session)),
    'screenings.get': (input, session) => screenings.get(requireSession(session), input.id),
    'screenings.close': (input, session) => screenings.close(requireSession(session), input.id),
    'screenings.export': (input, session) => exports.screening(requireSession(session), input.id),
  };
}
