/**
 * How the audit trail names the reports' actions, objects and details in Chinese: the 审计日志 screen (through
 * vue-i18n, renderer/src/features/reports/i18n/zh-CN.ts) and the written XLSX export read the same words.
 */
export const reportsAuditWords = {
  actions: {
    reports: {
      saveDraft: '保存报表草稿',
      submit: '提交报表',
      correct: '更正报表',
      drill: '查看报表明细',
      package: '生成上报文件',
      answer: '登记上级答复',
      exportXlsx: '导出报表',
      highRiskList: '导出高风险人员台账',
      pdf: '导出报表 PDF',
      dhis2: '导出 DHIS2 数据',
      importIndicatorSet: '导入指标集',
      saveSettings: '修改上报设置',
    },
  },
  objects: { report: '上报报表' },
  details: {
    reportVersion: '版本',
    violationCount: '校验提示数',
    correctionReason: '更正原因',
    valueCode: '指标取值',
    option: '分类选项',
    recordCount: '记录数',
    answer: '答复',
    sharedCopy: '对外共享版',
    packageSha256: '上报文件校验值',
    format: '格式',
    setName: '指标集',
    setVersion: '指标集版本',
    sharedThreshold: '小数隐藏阈值',
  },
};
