/**
 * How the audit trail names scales's actions, objects and details in Chinese: the 审计日志 screen (through
 * vue-i18n, renderer/src/features/scales/i18n/zh-CN.ts) and the written XLSX export (core) read the same words.
 */
export const scalesAuditWords = {
  actions: {
    scales: { import: '导入量表定义' },
    results: { export: '导出测评结果', submit: '提交测评', view: '查看测评结果', link: '关联来访者', list: '查看测评结果列表', kioskList: '查看自助测评结果列表' },
    alerts: { acknowledge: '确认危急提醒', list: '查看危急提醒列表' },
    screenings: { export: '导出普查结果', create: '新建普查', view: '查看普查', close: '结束普查', list: '查看普查列表' },
  },
  objects: { scale: '量表', result: '测评结果', alert: '危急提醒', screening: '普查' },
  details: {
    scale: '量表',
    via: '方式',
    critical: '危急',
    scales: '量表',
    participants: '人数',
    roster: '名单',
    date: '日期',
    unlinkedOnly: '仅未关联',
  },
};
