import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toDataValueSet, type DataValueJson, type DataValueSetJson } from '../../../../shared/reports/dhis2/dataValueSet.js';
import { readDhis2Metadata } from '../../../../shared/reports/dhis2/metadata.js';
import { checkDataValueSet, type PreflightResult } from '../../../../shared/reports/dhis2/preflight.js';
import type { ReportPayload } from '../../../../shared/reports/dhis2/values.js';

/**
 * One test per conflict kind, against tests/fixtures/dhis2/metadata.json: SPS_MONTHLY (monthly, openFuturePeriods 0,
 * expiryDays 20) for ST_XINHUA and ST_OLD (closed 2025-12-31); HOTLINE_MONTHLY holds HL01; SPS99 is in no data set.
 */
const fixtures = path.resolve(import.meta.dirname, '../../../fixtures/dhis2');
const rawMetadata = JSON.parse(fs.readFileSync(path.join(fixtures, 'metadata.json'), 'utf8'));
const metadata = readDhis2Metadata(rawMetadata);
const monthly = toDataValueSet(JSON.parse(fs.readFileSync(path.join(fixtures, 'payload.json'), 'utf8')) as ReportPayload);
/** Mid-April 2026: March is open (past, not expired), April is the current month and not yet open. */
const april = new Date(2026, 3, 15, 10, 0);

function run(dataValues: DataValueJson[], envelope: Partial<Omit<DataValueSetJson, 'dataValues'>> = {}, now = april, meta = metadata): PreflightResult {
  return checkDataValueSet({ ...monthly, ...envelope, dataValues }, meta, { now, idScheme: 'code' });
}
/** The metadata with SPS_MONTHLY changed. */
function withMonthlySet(change: Record<string, unknown>) {
  const copy = structuredClone(rawMetadata);
  Object.assign(copy.dataSets[0], change);
  return readDhis2Metadata(copy);
}
const codes = (result: PreflightResult) => result.conflicts.map((item) => [item.errorCode, item.object, item.indexes]);

describe('DHIS2 pre-flight', () => {
  it('passes a clean station month: every value imports, a significant zero too', () => {
    const result = checkDataValueSet(monthly, metadata, { now: april, idScheme: 'code' });
    expect(result).toEqual({ status: 'SUCCESS', importCount: { imported: 9, ignored: 0 }, conflicts: [], checked: { dataSet: 'SPS_MONTHLY', period: '202603', orgUnit: 'ST_XINHUA' } });
  });

  it('ignores a zero DHIS2 does not store, without a conflict, but keeps zeros of averaged elements', () => {
    const result = run([
      { dataElement: 'SPS04', value: '0' },
      { dataElement: 'SPS15', value: '0.0' },
      { dataElement: 'SPS19', value: '0' },
      { dataElement: 'SPS08', value: '0' },
    ]);
    expect(result).toMatchObject({ status: 'SUCCESS', importCount: { imported: 2, ignored: 2 }, conflicts: [] });
  });

  it("reproduces DHIS2's 409 fixture: a period after the latest open future period (E7641)", () => {
    const result = run([{ dataElement: 'SPS04', value: '3' }], { period: '202604' });
    expect(result.status).toBe('ERROR');
    expect(result.importCount).toEqual({ imported: 0, ignored: 1 });
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]).toMatchObject({ object: '202604', errorCode: 'E7641', property: 'period', indexes: [0] });
    expect(result.conflicts[0]!.value.startsWith('Period: `202604` is after latest open future period: `202603`')).toBe(true);
    expect(result.conflicts[0]!.message).toBe('“2026年4月”尚未开放填报，目前最晚只能报到“2026年3月”：请等该期结束后再报送。');
    // One open future period lets the current month in, not the next one.
    const oneOpen = withMonthlySet({ openFuturePeriods: 1 });
    expect(run([{ dataElement: 'SPS04', value: '3' }], { period: '202604' }, april, oneOpen).status).toBe('SUCCESS');
    expect(codes(run([{ dataElement: 'SPS04', value: '3' }], { period: '202605' }, april, oneOpen))).toEqual([['E7641', '202605', [0]]]);
  });

  it('refuses a period past the expiry days (E7640) from the first moment of the day the lock falls on', () => {
    const value = [{ dataElement: 'SPS04', value: '3' }];
    expect(run(value, {}, new Date(2026, 3, 19, 23, 59)).status).toBe('SUCCESS');
    const late = run(value, {}, new Date(2026, 3, 20, 8, 0));
    expect(codes(late)).toEqual([['E7640', '202603', [0]]]);
    expect(late.conflicts[0]!.value).toBe('Current date is past expiry days for period: `202603`  and data set: `SPS_MONTHLY`');
    expect(late.conflicts[0]!.message).toContain('已过数据集“SPS_MONTHLY”的补报期限');
  });

  it('refuses an element that is not in the data set (E7633), after the period type check it passes (E7632 for an element in no set)', () => {
    const result = run([{ dataElement: 'HL01', value: '40' }, { dataElement: 'SPS99', value: '1' }, { dataElement: 'SPS04', value: '3' }]);
    expect(result.status).toBe('WARNING');
    expect(result.importCount).toEqual({ imported: 1, ignored: 2 });
    expect(result.conflicts.map((item) => [item.errorCode, item.property, item.value])).toEqual([
      ['E7633', 'dataElement', 'Data element: `HL01` is not part of dataset(s): `SPS_MONTHLY`'],
      ['E7632', null, 'Period type of period: `202603` not valid for data element: `SPS99`'],
    ]);
  });

  it('refuses a category option combo outside the element’s combo (E7634), the default one included, and honours a data set override', () => {
    const result = run([
      { dataElement: 'SPS04', categoryOptionCombo: 'SEX_F', value: '3' },
      { dataElement: 'SPS01', value: '31' },
      { dataElement: 'SPS03', categoryOptionCombo: 'SEX_M', value: '2' },
    ]);
    expect(codes(result)).toEqual([
      ['E7634', 'SEX_F', [0]],
      ['E7634', 'default', [1]],
    ]);
    expect(result.conflicts[0]!.value).toBe('Category option combo: `SEX_F` must be part of category combo of data element: `SPS04`');
    expect(result.importCount).toEqual({ imported: 1, ignored: 2 });
  });

  it('refuses values that do not match the value type (E7619), checked before the data set and combo', () => {
    const result = run([
      { dataElement: 'SPS01', categoryOptionCombo: 'SEX_F', value: '-1' },
      { dataElement: 'SPS15', value: 'abc' },
      { dataElement: 'SPS19', value: '101' },
      { dataElement: 'SPS16', value: '0' },
      { dataElement: 'SPS04', value: '1.5' },
      { dataElement: 'HL01', value: '2147483648' },
    ]);
    expect(result.conflicts.map((item) => [item.errorCode, item.object, item.value])).toEqual([
      ['E7619', 'SPS01', 'Value must match value type of data element `SPS01`: `value_not_zero_or_positive_integer`'],
      ['E7619', 'SPS15', 'Value must match value type of data element `SPS15`: `Data value is not numeric`'],
      ['E7619', 'SPS19', 'Value must match value type of data element `SPS19`: `Data value is not a percentage`'],
      ['E7619', 'SPS16', 'Value must match value type of data element `SPS16`: `value_not_positive_integer`'],
      ['E7619', 'SPS04', 'Value must match value type of data element `SPS04`: `value_not_zero_or_positive_integer`'],
      ['E7619', 'HL01', 'Value must match value type of data element `HL01`: `value_not_zero_or_positive_integer`'],
    ]);
    expect(result.conflicts[1]!.message).toBe('指标“SPS15”的数值不符合 DHIS2 对它的要求：应为数字。');
    expect(result.status).toBe('ERROR');
  });

  it('names a value type it does not model instead of guessing', () => {
    const copy = structuredClone(rawMetadata);
    copy.dataElements.find((element: { code: string }) => element.code === 'SPS04').valueType = 'DATE';
    const result = run([{ dataElement: 'SPS04', value: '3' }], {}, april, readDhis2Metadata(copy));
    expect(codes(result)).toEqual([['PREFLIGHT_VALUE_TYPE', 'SPS04', [0]]]);
  });

  it('aborts the whole payload for an unknown org unit or data set (E7603, E7600), reporting both', () => {
    const unknownUnit = run(monthly.dataValues, { orgUnit: 'ST_NOWHERE' });
    expect(unknownUnit).toMatchObject({ status: 'ERROR', importCount: { imported: 0, ignored: 9 } });
    expect(unknownUnit.conflicts).toEqual([
      { object: 'ST_NOWHERE', value: 'Org unit not found or not accessible: `ST_NOWHERE`', message: expect.stringContaining('机构“ST_NOWHERE”'), errorCode: 'E7603', property: 'orgUnit', indexes: [] },
    ]);
    expect(codes(run(monthly.dataValues, { orgUnit: 'ST_NOWHERE', dataSet: 'SPS_WEEKLY' }))).toEqual([
      ['E7600', 'SPS_WEEKLY', []],
      ['E7603', 'ST_NOWHERE', []],
    ]);
  });

  it('refuses an org unit the data set is not assigned to (E7636)', () => {
    const result = run([{ dataElement: 'SPS04', value: '3' }], { orgUnit: 'ST_OTHER' });
    expect(result.conflicts.map((item) => [item.errorCode, item.property, item.value])).toEqual([
      ['E7636', 'orgUnit', 'Data element: `SPS04` must be assigned through data sets to organisation unit: `ST_OTHER`'],
    ]);
  });

  it('refuses a period in which the org unit is closed or not yet open (E2019)', () => {
    const closed = run([{ dataElement: 'SPS04', value: '3' }], { orgUnit: 'ST_OLD' });
    expect(codes(closed)).toEqual([['E2019', 'ST_OLD', [0]]]);
    expect(closed.conflicts[0]!.message).toBe('机构“ST_OLD”在“2026年3月”尚未启用或已经关闭，不能为该期间报送。');
    // Closed on 31 December: December itself is still reportable.
    expect(run([{ dataElement: 'SPS04', value: '3' }], { orgUnit: 'ST_OLD', period: '202512' }, new Date(2026, 0, 5)).status).toBe('SUCCESS');
    expect(codes(run([{ dataElement: 'SPS04', value: '3' }], { period: '201912' }, new Date(2020, 0, 5)))).toEqual([['E2019', 'ST_XINHUA', [0]]]);
  });

  it('refuses a period outside the data input periods (E7643)', () => {
    const meta = withMonthlySet({ expiryDays: 0, dataInputPeriods: [{ period: { id: '202603' }, openingDate: '2026-04-01T00:00:00.000', closingDate: '2026-04-10T00:00:00.000' }] });
    const value = [{ dataElement: 'SPS04', value: '3' }];
    expect(run(value, {}, new Date(2026, 3, 5), meta).status).toBe('SUCCESS');
    expect(codes(run(value, {}, april, meta))).toEqual([['E7643', '202603', [0]]]);
    expect(codes(run(value, { period: '202602' }, new Date(2026, 3, 5), meta))).toEqual([['E7643', '202602', [0]]]);
  });

  it('refuses values of a data set that needs an attribute option combo we do not send (E7635)', () => {
    const copy = structuredClone(rawMetadata);
    copy.categoryCombos.push({ id: 'CcFund00001', code: 'FUND', name: '资助项目', categories: [] });
    copy.dataSets[0].categoryCombo = { id: 'CcFund00001' };
    expect(codes(run([{ dataElement: 'SPS04', value: '3' }], {}, april, readDhis2Metadata(copy)))).toEqual([['E7635', 'default', [0]]]);
  });

  it('refuses unknown elements, combos, periods and empty values (E7610, E7613, E7611, E7618), one conflict listing every index', () => {
    expect(codes(run([{ dataElement: 'SPS77', value: '1' }, { dataElement: 'SPS04', categoryOptionCombo: 'SEX_X', value: '1' }, { dataElement: 'SPS04', value: ' ' }]))).toEqual([
      ['E7610', 'SPS77', [0]],
      ['E7613', 'SEX_X', [1]],
      ['E7618', 'SPS04', [2]],
    ]);
    const badPeriod = run([{ dataElement: 'SPS04', value: '1' }, { dataElement: 'SPS08', value: '2' }], { period: '202613' });
    expect(badPeriod.conflicts).toEqual([expect.objectContaining({ errorCode: 'E7611', value: 'Period not valid: `202613`', property: 'period', indexes: [0, 1] })]);
  });

  it('stops a value at its first failing check, in DHIS2’s order', () => {
    // HL01 is outside the data set (E7633) but its value is checked first (E7619); SPS99 fails its period type
    // (E7632) before anyone asks whether it is in the set; an unknown element never reaches its value.
    expect(codes(run([{ dataElement: 'HL01', value: 'abc' }, { dataElement: 'SPS99', value: '-1' }, { dataElement: 'SPS77', value: '' }]))).toEqual([
      ['E7619', 'HL01', [0]],
      ['E7619', 'SPS99', [1]],
      ['E7610', 'SPS77', [2]],
    ]);
    // A closed station's April value is refused as closed, not as a future period.
    expect(codes(run([{ dataElement: 'SPS04', value: '3' }], { orgUnit: 'ST_OLD', period: '202604' }))).toEqual([['E2019', 'ST_OLD', [0]]]);
  });

  it('holds back every row of a cell written twice (E8128-like), the implicit default combo included', () => {
    const result = run([
      { dataElement: 'SPS04', value: '3' },
      { dataElement: 'SPS01', categoryOptionCombo: 'SEX_F', value: '4' },
      { dataElement: 'SPS04', categoryOptionCombo: 'default', value: '5' },
      { dataElement: 'SPS01', categoryOptionCombo: 'SEX_M', value: '6' },
    ]);
    expect(codes(result)).toEqual([['E8128', 'SPS04', [0, 2]]]);
    expect(result.importCount).toEqual({ imported: 2, ignored: 2 });
    expect(result.conflicts[0]!.message).toBe('指标“SPS04”的分组“default”出现了不止一次，不知道以哪个数为准：请只保留一个。');
  });

  it('reads the payload by uid when asked to', () => {
    const byUid = { dataSet: 'DsSpsMon001', period: '202603', orgUnit: 'OuXinhua001', dataValues: [{ dataElement: 'DeSps010001', categoryOptionCombo: 'CocSexF0001', value: '19' }] };
    expect(checkDataValueSet(byUid, metadata, { now: april, idScheme: 'uid' }).status).toBe('SUCCESS');
    expect(codes(checkDataValueSet(monthly, metadata, { now: april, idScheme: 'uid' }))).toEqual([
      ['E7600', 'SPS_MONTHLY', []],
      ['E7603', 'ST_XINHUA', []],
    ]);
  });

  it('gives every conflict a Chinese message beside DHIS2’s English text', () => {
    const result = run([{ dataElement: 'HL01', value: '1' }, { dataElement: 'SPS77', value: '1' }, { dataElement: 'SPS04', value: 'x' }], { orgUnit: 'ST_OTHER' });
    expect(result.conflicts.length).toBeGreaterThan(2);
    for (const item of result.conflicts) expect(item.message, item.errorCode).toMatch(/[\u4e00-\u9fff]/);
  });
});
