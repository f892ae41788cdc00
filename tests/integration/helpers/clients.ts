/** A registration that passes every rule: an adult with the GB 11643 example ID number. */
export const adult = {
  name: '张三',
  gender: 'female' as const,
  idNumber: '11010519491231002X',
  phone: '13812345678',
  community: '阳光社区',
  grid: '第三网格',
  source: 'walk_in',
  tags: ['elderly_alone'],
};
