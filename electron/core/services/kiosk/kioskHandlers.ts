import type { kioskContract } from '../../../../shared/api/contract/kiosk.js';
import { requireSession } from '../../auth/actor.js';
import type { FeatureHandlers } from '../../handlerTable.js';
import type { KioskService } from './kioskService.js';

export type KioskDeps = Readonly<{ kiosk: KioskService }>;

/** Staff open and close the kiosk; the kiosk token reaches the rest. */
export function createKioskHandlers({ kiosk }: KioskDeps): FeatureHandlers<typeof kioskContract> {
  return {
    'kiosk.open': (input, session) => kiosk.open(requireSession(session), input),
    'kiosk.close': (_input, session) => kiosk.close(requireSession(session)),
    'kiosk.info': () => kiosk.info(),
    'kiosk.definition': (input) => kiosk.definition(input.scaleId),
    'kiosk.submit': (input) => kiosk.submit(input),
    'kiosk.survey': () => kiosk.survey(),
    'kiosk.submitSurvey': (input) => kiosk.submitSurvey(input),
    'kiosk.exit': (input) => kiosk.exit(input.pin),
  };
}
