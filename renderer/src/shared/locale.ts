/** The interface languages; Chinese first, English second. The choice is kept per PC. */
export type Locale = 'zh-CN' | 'en';
const localeKey = 'xinyi.locale';

export function savedLocale(storage: Storage): Locale {
  return storage.getItem(localeKey) === 'en' ? 'en' : 'zh-CN';
}

export function saveLocale(storage: Storage, locale: Locale): void {
  storage.setItem(localeKey, locale);
}
