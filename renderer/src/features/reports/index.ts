import { defineFeature } from '../feature.js';
import { en } from './i18n/en.js';
import { zhCN } from './i18n/zh-CN.js';
import { routes, settingsTabs } from './routes.js';

/** Periodic reports upward (issue 14, 定期上报): the period's figures, their validation, the 月报 and its versions. */
export default defineFeature({ name: 'reports', routes, settingsTabs, messages: { 'zh-CN': zhCN, en } });
