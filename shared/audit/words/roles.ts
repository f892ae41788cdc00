/** What each role is called at a station (the screens through vue-i18n, and written documents). */
export const roleNames = { admin: '站长', counsellor: '心理咨询师/社工', reception: '前台接待', inspector: '检查人员', kiosk: '自助测评终端' };
