import type { Session } from '../../auth/sessionStore.js';
import { AppError } from '../../errors.js';
import type { Handlers } from '../../handlers.js';
import type { ResultsService } from './resultsService.js';
import type { ScaleCatalog } from './scaleCatalog.js';
import type { KioskService } from '../kiosk/kioskService.js';
import type { ScreeningService } from './screeningService.js';

type ScaleMethod =
  | `scales.${'list' | 'get' | 'import'}`
  | `results.${'submit' | 'list' | 'get' | 'linkClient'}`
  | `alerts.${'list' | 'acknowledge'}`
  | `kiosk.${'open' | 'close' | 'info' | 'definition' | 'submit' | 'exit'}`
  | `screenings.${'create' | 'list' | 'get' | 'close'}`;

export type ScaleDeps = Readonly<{ catalog: ScaleCatalog; results: ResultsService; kiosk: KioskService; screenings: ScreeningService }>;

function staff(session: Session | null): Session {
  if (!session) throw new AppError('UNAUTHENTICATED');
  return session;
}

export function createScaleHandlers({ catalog, results, kiosk, screenings }: ScaleDeps): Pick<Handlers, ScaleMethod> {
  return {
    'scales.list': () => catalog.list(),
    'scales.get': (input) => ({ json: catalog.export(input.id, input.version) }),
    'scales.import': (input, session) => catalog.import(staff(session), input.json),
    'results.submit': (input, session) => results.submit(staff(session), input),
    'results.list': (input, session) => results.list(staff(session), input.clientId, input.scaleId, input.limit),
    'results.get': (input, session) => results.get(staff(session), input.id),
    'results.linkClient': (input, session) => results.linkClient(staff(session), input.resultId, input.clientId),
    'alerts.list': (input, session) => results.alertList(staff(session), input.open),
    'alerts.acknowledge': (input, session) => results.acknowledge(staff(session), input.id, input.actionNote),
    'kiosk.open': (input, session) => kiosk.open(staff(session), input),
    'kiosk.close': (_input, session) => kiosk.close(staff(session)),
    'kiosk.info': () => kiosk.info(),
    'kiosk.definition': (input) => kiosk.definition(input.scaleId),
    'kiosk.submit': (input) => kiosk.submit(input),
    'kiosk.exit': (input) => kiosk.exit(input.pin),
    'screenings.create': (input, session) => screenings.create(staff(session), input),
    'screenings.list': (_input, session) => screenings.list(staff(session)),
    'screenings.get': (input, session) => screenings.get(staff(session), input.id),
    'screenings.close': (input, session) => screenings.close(staff(session), input.id),
  };
}
