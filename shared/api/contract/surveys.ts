/**
 * Knowledge surveys (知晓率调查, issue 12), part of the ledgers feature: spread into ledgersContract. The 站长 manages
 * every survey; counsellors create theirs; anyone at the desk enters paper responses (anonymous, not clinical) and
 * reads the results. Residents answer at the kiosk through the kiosk's own methods.
 */
import { anyStaff, clinical } from '../access.js';
import { emptyInput, idInput, okOutput } from '../schemas/common.js';
import { exportFile, periodExportInput } from '../schemas/exports.js';
import {
  questionnaireInput,
  questionnaireList,
  questionnaireOutput,
  surveyCounts,
  surveyCountsInput,
  surveyDetail,
  surveyInput,
  surveyList,
  surveyListInput,
  surveyRemoveInput,
  surveyResponseInput,
  surveyResponseOutput,
  surveyResponseRemoveInput,
  surveyUpdateInput,
} from '../schemas/surveys.js';
import { method, type MethodSpec } from './method.js';

export const surveysContract = {
  'surveys.questionnaires': method(anyStaff, emptyInput, questionnaireList),
  'surveys.questionnaire': method(anyStaff, questionnaireInput, questionnaireOutput),
  'surveys.list': method(anyStaff, surveyListInput, surveyList),
  'surveys.get': method(anyStaff, idInput, surveyDetail),
  'surveys.create': method(clinical, surveyInput, surveyDetail),
  'surveys.update': method(clinical, surveyUpdateInput, surveyDetail),
  'surveys.close': method(clinical, idInput, surveyDetail),
  'surveys.reopen': method(clinical, idInput, surveyDetail),
  'surveys.remove': method(clinical, surveyRemoveInput, okOutput),
  'surveys.addResponse': method(anyStaff, surveyResponseInput, surveyResponseOutput),
  'surveys.removeResponse': method(anyStaff, surveyResponseRemoveInput, okOutput),
  'surveys.counts': method(anyStaff, surveyCountsInput, surveyCounts),
  'surveys.export': method(anyStaff, periodExportInput, exportFile),
} as const satisfies Record<string, MethodSpec>;

export const surveysAuditActions = ['surveys.create', 'surveys.update', 'surveys.close', 'surveys.reopen', 'surveys.remove', 'surveys.addResponse', 'surveys.removeResponse', 'surveys.export'] as const;
