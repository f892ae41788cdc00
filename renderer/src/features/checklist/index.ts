import { defineFeature } from '../feature.js';
import { en } from './i18n/en.js';
import { zhCN } from './i18n/zh-CN.js';
import { routes } from './routes.js';

/** The station's compliance checklist (issue 13: "五个一" and its kin): the standard, the 自评 and the live figures. */
export default defineFeature({ name: 'checklist', routes, messages: { 'zh-CN': zhCN, en } });
