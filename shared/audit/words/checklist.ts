/**
 * How the audit trail names the checklist's actions, objects and details in Chinese: the 审计日志 screen (through
 * vue-i18n, renderer/src/features/checklist/i18n/zh-CN.ts) and the written XLSX export read the same words.
 */
export const checklistAuditWords = {
  actions: {
    checklist: { choose: '选择检查标准', assess: '填写自评', importTemplate: '导入检查标准' },
    inspections: {
      create: '发起检查',
      extendInspector: '延长检查账号',
      addInspector: '开通检查账号',
      score: '填写评估得分',
      addFinding: '记录检查发现',
      removeFinding: '删除检查发现',
      conclude: '作出检查结论',
      addRectification: '下达整改任务',
      submitRectification: '提交整改情况',
      recheck: '复查整改',
      close: '检查办结',
      sample: '抽查记录',
      package: '导出迎检包',
    },
  },
  objects: { checklistItem: '检查条目', checklistTemplate: '检查标准', inspection: '检查', rectification: '整改任务' },
  details: {
    templateName: '检查标准',
    templateVersion: '版本',
    itemTitle: '条目',
    assessment: '自评结果',
    evaluation: '评估结果',
    inspectionKind: '检查类型',
    inspectionTitle: '检查名称',
    snapshotSha256: '快照校验值',
    verdict: '结论',
    percent: '得分率',
    accepted: '复查通过',
    automatic: '自动',
    sampleKind: '抽查类型',
    sampleCount: '抽查份数',
    accessUntil: '有效期至',
    findingId: '检查发现编号',
    fileCount: '文件数',
  },
};
