import { createI18n } from 'vue-i18n';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

export type Locale = 'zh-CN' | 'en';
const localeKey = 'xinyi.locale';

export function savedLocale(storage: Storage): Locale {
  return storage.getItem(localeKey) === 'en' ? 'en' : 'zh-CN';
}

export function saveLocale(storage: Storage, locale: Locale): void {
  storage.setItem(localeKey, locale);
}

export function createAppI18n(locale: Locale) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages: { 'zh-CN': zhCN, en },
  });
}
