import { defineFeature } from '../feature.js';
import { en } from './i18n/en.js';
import { zhCN } from './i18n/zh-CN.js';
import { homeCards, routes, settingsTabs } from './routes.js';

export default defineFeature({ name: 'appointments', routes, settingsTabs, homeCards, messages: { 'zh-CN': zhCN, en } });
