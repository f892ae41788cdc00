/** How the audit trail names the meetings ledger's and the rules' actions (会议记录, 制度), merged into ledgersAuditWords. */
export const meetingsAuditWords = {
  actions: { create: '登记会议', update: '修改会议记录', remove: '删除会议记录', export: '导出会议台账', view: '查看个案研讨纪要' },
  objects: { meeting: '会议', rule: '制度', ruleVersion: '制度版本' },
  details: { meetingKind: '会议类型', meetingDate: '会议日期', decisionCount: '决议事项数', planned: '计划中的会议', caseLinked: '关联个案', versionNo: '版本号', adoptedOn: '通过日期', templateCode: '制度模板' },
};

export const rulesAuditWords = {
  actions: { create: '新建制度', saveDraft: '保存制度草稿', discardDraft: '放弃制度草稿', adopt: '通过制度新版本', export: '导出制度及版本' },
};
