/** How the audit trail names the district's actions, objects and details in Chinese (screen and XLSX export). */
export const districtAuditWords = {
  actions: {
    district: { registerStation: '登记辖区站点', updateStation: '修改辖区站点', importPackage: '导入站点上报文件', saveSettings: '修改辖区设置', exportXlsx: '导出辖区汇总' },
  },
  objects: { districtStation: '辖区站点' },
  details: { stationName: '站点', regionCode: '行政区划代码', fileName: '文件名', timelyDays: '上报时限（天）' },
};
