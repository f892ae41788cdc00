/** How the audit trail names the duty ledger's actions (值班安排表, 值班记录), merged into ledgersAuditWords. */
export const dutyAuditWords = {
  actions: { addShift: '添加值班安排', updateShift: '修改值班安排', removeShift: '删除值班安排', repeatWeek: '按周生成值班安排', writeLog: '填写值班记录', updateLog: '修改值班记录', export: '导出值班台账' },
  objects: { dutyShift: '值班安排', dutyLog: '值班记录' },
  details: { dutyDate: '值班日期', onDuty: '值班人', month: '月份', shiftsCreated: '生成的班次数', holidaysSkipped: '跳过的节假日数' },
};
