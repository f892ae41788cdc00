/** Field names of the screening-visit ledger's inputs (走访排查); keys shared with other features keep their names there. */
export const visitsFieldLabels: Readonly<Record<string, string>> = {
  area: '走访地址（小区/楼栋）',
  companionNames: '同行人员姓名',
  companionRoles: '同行人员',
  followUpNeeded: '需要跟进',
  observations: '走访情况',
  visitId: '走访记录',
  visitorId: '走访人员',
  visitorIds: '走访人员',
};
