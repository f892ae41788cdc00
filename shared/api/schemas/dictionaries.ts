import { z } from '../zod.js';
import { dictionaryNames } from '../../domain/dictionaries/index.js';
import { idSchema, trimmed } from './common.js';

export const dictionaryName = z.enum(dictionaryNames, { message: '未知的字典。' });

export const dictionaryItem = z.object({
  id: idSchema,
  dictionary: dictionaryName,
  code: z.string(),
  label: z.string(),
  builtin: z.boolean(),
  active: z.boolean(),
});
export type DictionaryItem = z.infer<typeof dictionaryItem>;

export const dictionaryListInput = z.object({ dictionary: dictionaryName.optional() });
export const dictionaryAddInput = z.object({ dictionary: dictionaryName, label: trimmed(1, 30, '名称') });
export const dictionarySetActiveInput = z.object({ id: idSchema, active: z.boolean() });

export const dictionaryItemList = z.array(dictionaryItem);
