/** Field names of the reports' inputs (issue 14), as the default validation messages say them. */
export const reportsFieldLabels = {
  period: '统计期',
  range: '统计期',
  value: '指标取值',
  category: '分类',
  option: '分类选项',
  values: '指标取值',
  header: '表头',
  preparedBy: '填表人',
  contactPhone: '联系电话',
  answer: '答复',
  format: '格式',
  setJson: '指标集文件',
  setId: '指标集',
  setVersion: '指标集版本',
  sharedThreshold: '小数隐藏阈值',
};
