import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAdx } from '../../../../shared/reports/dhis2/adx.js';
import { writeCsv } from '../../../../shared/reports/dhis2/csv.js';
import { toDataValueSet, writeDataValueSet } from '../../../../shared/reports/dhis2/dataValueSet.js';
import { formatValue, type ReportPayload } from '../../../../shared/reports/dhis2/values.js';

const fixtures = path.resolve(import.meta.dirname, '../../../fixtures/dhis2');
const read = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');
const payload = JSON.parse(read('payload.json')) as ReportPayload;
const escaping = JSON.parse(read('payload-escaping.json')) as ReportPayload;
const exported = new Date('2026-04-03T01:30:00Z');

describe('DHIS2 writers', () => {
  it('write the station month as the golden dataValueSets JSON, CSV and ADX files', () => {
    expect(writeDataValueSet(payload)).toBe(read('golden/monthly.dataValueSet.json'));
    expect(writeCsv(payload)).toBe(read('golden/monthly.csv'));
    expect(writeAdx(payload, { exported })).toBe(read('golden/monthly.adx.xml'));
  });

  it('quote CSV fields and escape XML attributes holding quotes, commas, ampersands and angle brackets', () => {
    expect(writeDataValueSet(escaping)).toBe(read('golden/escaping.dataValueSet.json'));
    expect(writeCsv(escaping)).toBe(read('golden/escaping.csv'));
    expect(writeAdx(escaping, { exported })).toBe(read('golden/escaping.adx.xml'));
  });

  it('never put completeDate in the values, and leave the default combo implicit', () => {
    const json = toDataValueSet(payload);
    expect(Object.keys(json)).toEqual(['dataSet', 'period', 'orgUnit', 'dataValues']);
    expect(JSON.stringify(json)).not.toContain('complete');
    expect(json.dataValues[4]).toEqual({ dataElement: 'SPS04', value: '37' });
    expect(writeAdx(payload, { exported })).not.toContain('completeDate');
  });

  it('write numbers as DHIS2 reads them: no exponent, no negative zero', () => {
    expect([1e-7, -0, 12, 86.5, 123456789012, -3.25].map(formatValue)).toEqual(['0.0000001', '0', '12', '86.5', '123456789012', '-3.25']);
  });

  it('refuse a bad payload with a Chinese message naming the field', () => {
    expect(() => writeDataValueSet({ ...payload, period: '2026-13' })).toThrow('统计期格式应为');
    expect(() => writeCsv({ ...payload, orgUnit: '' })).toThrow('请填写机构编码。');
    expect(() => writeCsv({ ...payload, dataSet: ' SPS_MONTHLY' })).toThrow('数据集编码的首尾不能有空格。');
    expect(() => writeDataValueSet({ ...payload, values: [{ dataElement: 'SPS01', value: Number.NaN }] })).toThrow('第 1 个数值：数值必须是有限的数字。');
    expect(() => writeDataValueSet({ ...payload, values: [{ dataElement: 'SPS01', value: 1e16 }] })).toThrow('小于 10 的 15 次方');
  });

  it('refuse ADX category codes that cannot be XML attribute names, in Chinese', () => {
    const withCategory = (category: string): ReportPayload => ({
      ...payload,
      values: [{ dataElement: 'SPS01', disaggregation: { category, option: 'F', categoryOptionCombo: 'SEX_F' }, value: 1 }],
    });
    for (const category of ['SEX GROUP', '1SEX', 'SEX:F', 'xmlSex', 'SEX/AGE', '性别 组']) {
      expect(() => writeAdx(withCategory(category), { exported }), category).toThrow(`分类编码“${category}”不能用作 ADX 的属性名`);
    }
    expect(() => writeAdx(withCategory('value'), { exported })).toThrow('与 ADX 数据值自带的属性同名');
    expect(writeAdx(withCategory('性别'), { exported })).toContain('<dataValue dataElement="SPS01" 性别="F" value="1"/>');
    expect(() => writeAdx({ ...payload, orgUnit: 'ST\u0007' }, { exported })).toThrow('XML 不允许的控制字符');
  });
});
