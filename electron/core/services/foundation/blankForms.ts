import { blankFormIds, type BlankForm, type BlankFormId } from '../../../../shared/api/schemas/forms.js';
import { defaultFormWording } from '../../../../shared/forms/blankForms.js';
import type { Db } from '../../db/driver.js';
import { readFormWording } from '../../repositories/settingsRepo.js';

/** A form in this station's wording: its own edit where it made one, else the shipped text. */
export function blankFormOf(db: Db, id: BlankFormId): BlankForm {
  const edited = readFormWording(db, id);
  return { id, ...(edited ?? defaultFormWording[id]), edited: edited !== undefined };
}

export function listBlankForms(db: Db): BlankForm[] {
  return blankFormIds.map((id) => blankFormOf(db, id));
}
