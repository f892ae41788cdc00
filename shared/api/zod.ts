import { z } from 'zod';
import { chineseIssueMessage } from './zodMessages.js';

// Default messages in Chinese that name the field (zodMessages.ts); zod's zh-CN locale only where a
// path has no field name. Field-specific messages written inline on a schema still win.
z.config({ ...z.locales.zhCN(), customError: chineseIssueMessage });

export { z };
