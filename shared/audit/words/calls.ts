/** How the audit trail names the hotline ledger's actions (热线/电话咨询登记), merged into ledgersAuditWords. */
export const callsAuditWords = {
  actions: { create: '登记热线来电', update: '修改热线来电记录', remove: '删除热线来电记录', openCrisis: '由热线来电开启危机干预', export: '导出热线来电登记', view: '查看热线来电摘要' },
  objects: { call: '热线来电' },
  details: { problemType: '问题类型', callOutcome: '处理方式', highRisk: '高危来电', crisisId: '危机事件编号', callDate: '来电日期' },
};
