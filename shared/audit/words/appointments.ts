/**
 * How the audit trail names appointments's actions, objects and details in Chinese: the 审计日志 screen (through
 * vue-i18n, renderer/src/features/appointments/i18n/zh-CN.ts) and the written XLSX export (core) read the same words.
 */
export const appointmentsAuditWords = {
  actions: {
    appointments: {
      list: '查看来访者预约',
      noShows: '查看爽约次数',
      create: '新建预约',
      createSeries: '新建重复预约',
      updateSeries: '修改重复预约',
      move: '改约',
      cancel: '取消预约',
      complete: '完成预约',
      checkIn: '来访签到',
      noShow: '记为爽约',
      linkClient: '预约关联来访者',
      bookFollowUp: '预约随访',
    },
    availability: { set: '设置可预约时间', exception: '登记请假或不可约', removeException: '撤销请假或不可约' },
    calendar: { set: '设置节假日或调休', remove: '删除节假日或调休' },
    rooms: { add: '新增咨询室', setActive: '启用/停用咨询室' },
    waitlist: { add: '加入候补名单', close: '关闭候补' },
  },
  objects: { appointment: '预约', series: '重复预约', room: '咨询室', waitlist: '候补', day: '日期' },
  details: {
    overridden: '越过开放时间',
    created: '已建',
    skipped: '跳过',
    changed: '已改',
    followUpId: '随访编号',
    slots: '时段数',
    id: '编号',
    startBefore: '原时间',
    startAfter: '新时间',
    sessionId: '咨询记录编号',
  },
};
