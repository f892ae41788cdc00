/**
 * How the audit trail names kiosk's actions, objects and details in Chinese: the 审计日志 screen (through
 * vue-i18n, renderer/src/features/kiosk/i18n/zh-CN.ts) and the written XLSX export (core) read the same words.
 */
export const kioskAuditWords = {
  actions: {
    kiosk: { open: '打开自助测评终端', close: '关闭自助测评终端' },
  },
};
