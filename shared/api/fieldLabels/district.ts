/** Field names of the district's inputs (issue 14), as the default validation messages say them. */
export const districtFieldLabels = {
  stationLevel: '站点层级',
  fingerprint: '公钥指纹',
  establishedOn: '建站日期',
  withdrawnOn: '撤销日期',
  registration: '站点信息',
  timelyDays: '上报时限',
  residents: '常住人口',
  communities: '村（社区）数',
  correctionReason: '更正原因',
  geojson: '地图文件',
  codeProperty: '区划代码属性',
};
