import { z } from 'zod';

// Default messages for every schema in Chinese; field-specific messages are written inline.
z.config(z.locales.zhCN());

export { z };
