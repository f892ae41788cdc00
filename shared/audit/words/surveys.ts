/** How the audit trail names the knowledge surveys' actions (知晓率调查), merged into ledgersAuditWords. */
export const surveysAuditWords = {
  actions: {
    create: '登记知晓率调查',
    update: '修改知晓率调查',
    close: '结束知晓率调查（不再收答卷）',
    reopen: '重新开放知晓率调查',
    remove: '删除知晓率调查',
    addResponse: '录入知晓率调查答卷',
    removeResponse: '删除知晓率调查答卷',
    export: '导出知晓率调查',
  },
  objects: { survey: '知晓率调查', surveyResponse: '知晓率调查答卷' },
  details: { questionnaire: '问卷', surveyDate: '调查日期', channel: '答卷方式', surveyId: '知晓率调查编号' },
};
