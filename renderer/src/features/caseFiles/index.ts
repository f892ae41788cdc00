import { defineFeature } from '../feature.js';
import { en } from './i18n/en.js';
import { zhCN } from './i18n/zh-CN.js';
import { homeCards, routes } from './routes.js';

export default defineFeature({ name: 'caseFiles', routes, homeCards, messages: { 'zh-CN': zhCN, en } });
