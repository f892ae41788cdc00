/** How the audit trail names the screening-visit ledger's actions (走访排查), merged into ledgersAuditWords. */
export const visitsAuditWords = {
  actions: { create: '登记走访排查', update: '修改走访排查记录', remove: '删除走访排查记录', registerClient: '由走访排查建档', export: '导出走访排查台账', view: '查看走访情况' },
  objects: { visit: '走访排查' },
  details: { visitDate: '走访日期', household: '未建档住户', tagCount: '重点人群标签数' },
};
