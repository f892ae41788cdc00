/** Field names of the hotline ledger's inputs (热线/电话咨询登记); keys shared with other features keep their names there. */
export const callsFieldLabels: Readonly<Record<string, string>> = {
  callerType: '来电者类型',
  difficult: '困难来电',
  highRisk: '高危来电',
  problemType: '问题类型',
  repeatCaller: '反复来电',
  takenBy: '接听人',
};
