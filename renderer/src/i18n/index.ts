import { createI18n } from 'vue-i18n';
import type { FeatureMessages, MessageTree } from '../features/feature.js';
import { features } from '../features/index.js';
import { en } from '../shared/i18n/en.js';
import { zhCN } from '../shared/i18n/zh-CN.js';
import type { Locale } from '../shared/locale.js';

/** Where messages come from: the app frame and shared components, then each feature. */
export const messageSources: ReadonlyArray<{ name: string; messages: FeatureMessages }> = [
  { name: 'shared', messages: { 'zh-CN': zhCN, en } },
  ...features.map((feature) => ({ name: feature.name, messages: feature.messages })),
];

/**
 * Merges message trees key by key, so features may share a namespace (each adds its own audit
 * labels under `audit.actions` …). A key defined twice is a mistake and throws, naming both sources.
 */
export function mergeMessages(parts: ReadonlyArray<{ name: string; tree: MessageTree }>): MessageTree {
  const merged: MessageTree = {};
  const owners = new Map<string, string>();
  const add = (target: MessageTree, tree: MessageTree, name: string, prefix: string) => {
    for (const [key, value] of Object.entries(tree)) {
      const path = prefix ? `${prefix}.${key}` : key;
      const existing = target[key];
      if (typeof value === 'object' && (existing === undefined || typeof existing === 'object')) {
        owners.set(path, owners.get(path) ?? name);
        add((target[key] ??= {}) as MessageTree, value, name, path);
      } else if (existing === undefined) {
        owners.set(path, name);
        target[key] = value;
      } else {
        throw new Error(`message key ${path} is defined by both ${owners.get(path)} and ${name}`);
      }
    }
  };
  parts.forEach((part) => add(merged, part.tree, part.name, ''));
  return merged;
}

const messagesIn = (locale: Locale) => mergeMessages(messageSources.map((source) => ({ name: source.name, tree: source.messages[locale] })));

/** Every message, merged from the sources; the key sets of the two languages are equal (a unit test checks). */
export const messages: Record<Locale, MessageTree> = { 'zh-CN': messagesIn('zh-CN'), en: messagesIn('en') };

export function createAppI18n(locale: Locale) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages,
  });
}
