import { kioskAuditWords } from '../../../../../shared/audit/words/kiosk.js';

/**
 * The kiosk feature's messages. Chinese is the product's first language; en.ts beside
 * this file has exactly these keys (its type says so, and a unit test checks).
 */
export const zhCN = {
  kiosk: {
    open: '打开自助测评终端',
    close: '关闭自助测评终端',
    scales: '开放的量表',
    pin: '离开终端的密码（4–8 位数字）',
    showScores: '结束后向来访者显示得分',
    opened: '自助测评终端已打开。',
    welcome: '欢迎使用自助心理测评',
    consentTitle: '开始前请阅读',
    consent: '本测评用于了解您近期的心理状况，结果仅供本站工作人员为您提供服务时参考，依法保密。您可以随时停止。请不要填写身份证号或电话号码。',
    agree: '我已了解，开始测评',
    nickname: '您的称呼或工作人员给您的编号（可不填）',
    typeCode: '用屏幕键盘输入编号',
    typeCodeHint: '请点按工作人员给您的编号（数字和字母）。',
    keyDelete: '删除',
    keyClear: '清空',
    choose: '请选择要做的测评',
    back: '上一题',
    next: '下一题',
    finish: '提交',
    progress: '第 {n} 题，共 {total} 题',
    readAloud: '朗读题目',
    idleWarning: '长时间没有操作，{seconds} 秒后将返回首页，已填写的内容不会保存。',
    stay: '继续作答',
    thanks: '感谢您完成测评。',
    thanksHint: '如有需要，工作人员会与您联系。',
    yourScore: '您的得分：{total}（{band}）',
    critical: '请稍候，工作人员会来与您交流。',
    hotlines: '如需帮助，可随时拨打：心理援助热线 12356 · 报警 110 · 急救 120',
    surveyWelcome: '欢迎参加心理健康知识问答',
    surveyConsent: '本问卷不记名，只统计答对的人数比例，帮助本站改进心理健康宣传。请按您自己的了解作答，答完后可以看到正确答案。',
    surveyAgree: '开始答题',
    surveyResult: '您答对了 {correct} 题，共 {total} 题。',
    surveyAware: '您对这些知识掌握得很好，谢谢参与！',
    surveyLearn: '谢谢参与！下面是正确答案，欢迎多了解心理健康知识。',
    surveyRight: '答对了',
    surveyWrong: '正确答案：{answer}',
    done: '返回首页',
    exit: '工作人员退出',
    exitPin: '请输入工作人员密码',
    closed: '自助测评终端已关闭，请联系工作人员。',
  },
  audit: kioskAuditWords,
};

export type Messages = typeof zhCN;
