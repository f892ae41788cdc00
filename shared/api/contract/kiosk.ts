/** Resident kiosk: staff open and close it; the kiosk token calls only the kiosk-only methods below. */
import { clinical, kioskOnly } from '../access.js';
import { emptyInput, okOutput } from '../schemas/common.js';
import { kioskExitInput, kioskInfo, kioskOpenInput, kioskOpenOutput, kioskScaleInput, kioskSubmitInput, kioskSubmitOutput, kioskSurveyOutput, kioskSurveyResult } from '../schemas/kiosk.js';
import { surveyResponseInput } from '../schemas/surveys.js';
import { scaleDefinitionOutput } from '../schemas/scales.js';
import { method, type MethodSpec } from './method.js';

export const kioskContract = {
  'kiosk.open': method(clinical, kioskOpenInput, kioskOpenOutput),
  'kiosk.close': method(clinical, emptyInput, okOutput),
  'kiosk.info': method(kioskOnly, emptyInput, kioskInfo),
  'kiosk.definition': method(kioskOnly, kioskScaleInput, scaleDefinitionOutput),
  'kiosk.submit': method(kioskOnly, kioskSubmitInput, kioskSubmitOutput),
  // A knowledge survey (知晓率调查, the ledgers' surveys): its questionnaire without the key, and one resident's answers.
  'kiosk.survey': method(kioskOnly, emptyInput, kioskSurveyOutput),
  'kiosk.submitSurvey': method(kioskOnly, surveyResponseInput, kioskSurveyResult),
  'kiosk.exit': method(kioskOnly, kioskExitInput, okOutput),
} as const satisfies Record<string, MethodSpec>;

/** The audit actions this feature writes; the audit screen has a zh-CN and an en label for each (tests/unit/renderer). */
export const kioskAuditActions = [
  'kiosk.close',
  'kiosk.open',
] as const;
