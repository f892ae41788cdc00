/** How the audit trail names group counselling's actions (团体辅导), merged into ledgersAuditWords. */
export const groupsAuditWords = {
  actions: {
    create: '新建团体辅导小组',
    update: '修改团体辅导小组',
    close: '结束团体辅导小组',
    signUp: '登记团体辅导报名',
    admit: '组员签署协议入组',
    leave: '组员未入组或退出',
    addSession: '安排团体辅导活动',
    updateSession: '修改团体辅导活动',
    removeSession: '删除团体辅导活动',
    recordAttendance: '登记团体辅导出席',
    addFeedback: '录入效果反馈表',
    removeFeedback: '删除效果反馈表',
    view: '查看团体辅导小组名单',
    export: '导出团体辅导台账',
  },
  objects: { group: '团体辅导小组', groupMember: '团体辅导组员' },
  details: { groupName: '小组名称', memberStatus: '组员状态', present: '出席人数', motivesShown: '显示的报名原因数', sessionDate: '活动日期' },
};
