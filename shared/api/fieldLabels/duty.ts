/** Field names of the duty ledger's inputs (值班安排表, 值班记录); keys shared with other features keep their names there. */
export const dutyFieldLabels: Readonly<Record<string, string>> = {
  callsReceived: '接听来电次数',
  events: '值班情况',
  handover: '交接班事项',
  incidents: '突发事件',
  month: '月份',
  onDutyId: '值班人',
  pattern: '每周排班',
  skipHolidays: '节假日不排班',
  visitorsReceived: '接待来访人次',
};
