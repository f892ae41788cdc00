/** Field names of the meetings ledger's and the rules' inputs (会议记录, 制度); keys shared with other features keep their names there. */
export const meetingsFieldLabels: Readonly<Record<string, string>> = {
  adoptedOn: '通过日期',
  agenda: '会议议程',
  decisions: '决议事项',
  done: '已完成',
  dueOn: '完成期限',
  minutes: '会议纪要',
  outsideAttendees: '外单位参会人员',
  responsibleId: '决议负责人',
  ruleId: '制度',
  templateCode: '制度模板',
};
