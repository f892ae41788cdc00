import { roleNames } from '../../../../shared/audit/words/roles.js';

/**
 * Messages of the app frame and of the shared components. Chinese is the product's first language;
 * en.ts beside this file has exactly these keys (its type says so, and a unit test checks).
 */
export const zhCN = {
  app: { name: '心驿', tagline: '社会心理服务站工作台' },
  common: {
    save: '保存',
    cancel: '取消',
    confirm: '确定',
    create: '新建',
    close: '关闭',
    back: '上一步',
    next: '下一步',
    print: '打印',
    refresh: '刷新',
    search: '查询',
    reset: '重置',
    actions: '操作',
    yes: '是',
    no: '否',
    none: '无',
    saved: '已保存',
    required: '必填',
    optional: '选填',
    remove: '删除',
    add: '添加',
  },
  roles: roleNames,
  password: {
    rule: '密码至少 10 个字符，不能全是数字。建议用一句好记的话，如“阳光社区2026心理站”。',
    confirm: '再次输入密码',
    mismatch: '两次输入的密码不一致。',
  },
  shell: {
    menu: '主菜单',
    lock: '锁定',
    demoBanner: '演示数据：本站点由 xinyi demo 生成，请勿录入真实来访者信息。',
    changePassword: '修改密码',
  },
  print: {
    pageOf: '第 {page} 页 / 共 {pages} 页',
    address: '地址',
    phone: '电话',
    printedOn: '打印日期',
    date: '日期',
  },
  attachments: {
    title: '附件',
    upload: '上传附件',
    hint: '支持 JPG、PNG、PDF，单个不超过 20 MB；文件加密保存在数据库中',
    open: '查看',
    none: '无附件',
    tooLarge: '附件不能超过 {max}，请压缩或分成几个文件。',
    wrongType: '只能上传 JPG、PNG 图片或 PDF 文件。',
    downscaleTitle: '照片较大',
    downscaleAsk: '这张照片为 {width}×{height} 像素（{size}），超过 {max} 像素。是否缩小为 {targetWidth}×{targetHeight} 像素后上传？缩小后文字仍可辨认，文件更小。',
    downscaleYes: '缩小后上传',
    downscaleNo: '按原图上传',
    unreadable: '无法读取该文件。',
  },
  exporting: {
    button: '导出 Excel',
    title: '导出{list}',
    period: '统计期',
    thisMonth: '本月',
    lastMonth: '上月',
    thisQuarter: '本季度',
    thisYear: '今年',
    unmasked: '包含完整身份证号和电话（仅站长；导出记入审计日志）',
    maskedHint: '身份证号和电话已脱敏。导出的文件不加密，请妥善保管，用完删除。',
    plainHint: '导出的文件不加密，请妥善保管，用完删除。',
    start: '导出',
    done: '已导出 {rows} 行：{file}',
    needPeriod: '请选择统计期。',
    lists: { clients: '来访者名单', sessions: '咨询记录', followUps: '随访记录', results: '测评结果', screening: '普查结果', audit: '审计日志' },
  },
};

export type Messages = typeof zhCN;
