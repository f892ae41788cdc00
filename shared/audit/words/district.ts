/** How the audit trail names the district's actions, objects and details in Chinese (screen and XLSX export). */
export const districtAuditWords = {
  actions: {
    district: { registerStation: '登记辖区站点', updateStation: '修改辖区站点', importPackage: '导入站点上报文件', saveSettings: '修改辖区设置', exportXlsx: '导出辖区汇总', upward: '生成辖区上报文件', pdf: '导出辖区汇总表 PDF', dhis2: '导出辖区 DHIS2 数据', saveMap: '导入辖区地图', removeMap: '移除辖区地图' },
  },
  objects: { districtStation: '辖区站点', districtReport: '辖区上报', districtMap: '辖区地图' },
  details: { stationName: '站点', regionCode: '行政区划代码', fileName: '文件名', timelyDays: '上报时限（天）', codeProperty: '区划代码属性', bytes: '文件大小（字节）' },
};
