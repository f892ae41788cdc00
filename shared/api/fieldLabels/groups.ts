/** Field names of group counselling's inputs (团体辅导); keys shared with other features keep their names there. */
export const groupsFieldLabels: Readonly<Record<string, string>> = {
  age: '年龄',
  agreementSignedOn: '协议签署日期',
  atmosphere: '团体氛围',
  attendance: '出席情况',
  capacity: '人数上限',
  goals: '团体目标',
  groupId: '团体辅导小组',
  helpfulness: '对自己的帮助',
  leaderIds: '带领者',
  memberId: '组员',
  motive: '报名原因',
  plannedSessions: '计划次数',
  recommend: '愿意推荐他人参加',
  satisfaction: '总体满意度',
  signedUpOn: '报名日期',
  targetGroup: '面向人群',
};
