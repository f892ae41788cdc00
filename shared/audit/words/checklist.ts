/**
 * How the audit trail names the checklist's actions, objects and details in Chinese: the 审计日志 screen (through
 * vue-i18n, renderer/src/features/checklist/i18n/zh-CN.ts) and the written XLSX export read the same words.
 */
export const checklistAuditWords = {
  actions: { checklist: { choose: '选择检查标准', assess: '填写自评', importTemplate: '导入检查标准' } },
  objects: { checklistItem: '检查条目', checklistTemplate: '检查标准' },
  details: { templateName: '检查标准', templateVersion: '版本', itemTitle: '条目', assessment: '自评结果' },
};
