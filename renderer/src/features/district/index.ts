import { defineFeature } from '../feature.js';
import { en } from './i18n/en.js';
import { zhCN } from './i18n/zh-CN.js';
import { routes } from './routes.js';

/** The district's view (issue 14): its register of stations, their imported packages, and the period's overview. */
export default defineFeature({ name: 'district', routes, messages: { 'zh-CN': zhCN, en } });
