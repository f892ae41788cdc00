/**
 * The shipped wording of the blank forms: plain data files beside this one, checked by the schema at
 * load. A station edits its own copy in settings (forms.update); these are what "恢复默认" brings back.
 */
import { blankFormIds, formWording, type BlankFormId, type FormWording } from '../api/schemas/forms.js';
import guardianConsent from './wording/guardianConsent.json' with { type: 'json' };
import informedConsent from './wording/informedConsent.json' with { type: 'json' };
import intakeRegistration from './wording/intakeRegistration.json' with { type: 'json' };

const shipped: Record<BlankFormId, unknown> = { informedConsent, guardianConsent, intakeRegistration };

export const defaultFormWording: Readonly<Record<BlankFormId, FormWording>> = Object.fromEntries(
  blankFormIds.map((id) => [id, formWording.parse(shipped[id])]),
) as Record<BlankFormId, FormWording>;

/** Where the station's name goes in a form's wording. */
export const stationNamePlaceholder = '{站点名称}';
