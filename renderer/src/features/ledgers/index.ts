import { defineFeature } from '../feature.js';
import { en } from './i18n/en.js';
import { zhCN } from './i18n/zh-CN.js';
import { clientCards, homeCards, routes } from './routes.js';

/** Station ledgers (台账, issue 12): the activities ledger (list, detail, form, printed ledger); the other ledgers join here. */
export default defineFeature({ name: 'ledgers', routes, homeCards, clientCards, messages: { 'zh-CN': zhCN, en } });
