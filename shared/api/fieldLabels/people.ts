/** Field names of the people ledger's inputs (人员台账); keys shared with other features keep their names there. */
export const peopleFieldLabels: Readonly<Record<string, string>> = {
  certificateNo: '证书编号',
  employment: '人员类别',
  expiresOn: '有效期至',
  fte: '工作量折算',
  hours: '时长',
  issuedOn: '发证日期',
  joinedOn: '到岗日期',
  leftOn: '离岗日期',
  organisation: '所在单位',
  personId: '人员',
  position: '岗位/职务',
  provider: '组织单位/督导师',
  topic: '主题',
};
