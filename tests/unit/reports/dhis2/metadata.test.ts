import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexMetadata, readDhis2Metadata } from '../../../../shared/reports/dhis2/metadata.js';

const raw = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../fixtures/dhis2/metadata.json'), 'utf8'));

describe('DHIS2 metadata for the pre-flight', () => {
  it('reads the export subset, dropping fields it does not need and defaulting what an export may omit', () => {
    const metadata = readDhis2Metadata(raw);
    const monthly = metadata.dataSets[0]!;
    expect([monthly.code, monthly.periodType, monthly.openFuturePeriods, monthly.expiryDays, monthly.timelyDays]).toEqual(['SPS_MONTHLY', 'Monthly', 0, 20, 15]);
    expect(monthly.dataSetElements[2]).toEqual({ dataElement: { id: 'DeSps030001' }, categoryCombo: { id: 'CcSexSPS001' } });
    expect(metadata.dataElements[0]).not.toHaveProperty('domainType');
    const minimal = readDhis2Metadata({ dataSets: [{ id: 'a', name: 'A', periodType: 'Monthly', categoryCombo: { id: 'c' } }] });
    expect(minimal.dataSets[0]).toMatchObject({ openFuturePeriods: 0, expiryDays: 0, timelyDays: 15, dataSetElements: [], organisationUnits: [], dataInputPeriods: [] });
    expect(minimal.organisationUnits).toEqual([]);
  });

  it("reads DHIS2's zone-less dates on the station's clock, and honours an explicit zone", () => {
    const units = readDhis2Metadata(raw).organisationUnits;
    expect(units[1]!.closedDate).toEqual(new Date(2025, 11, 31));
    const zoned = readDhis2Metadata({ organisationUnits: [{ id: 'u', name: 'U', openingDate: '2026-01-01T00:00:00.000Z' }] });
    expect(zoned.organisationUnits[0]!.openingDate.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('looks objects up by code or by uid, as the idScheme says', () => {
    const metadata = readDhis2Metadata(raw);
    const byCode = indexMetadata(metadata, 'code');
    const byUid = indexMetadata(metadata, 'uid');
    expect(byCode.dataElements.byKey('SPS01')?.id).toBe('DeSps010001');
    expect(byCode.dataElements.byKey('DeSps010001')).toBeUndefined();
    expect(byUid.dataElements.byKey('DeSps010001')?.code).toBe('SPS01');
    expect(byUid.orgUnits.keyOf(byUid.orgUnits.byKey('OuXinhua001')!)).toBe('OuXinhua001');
    expect(byCode.defaultOptionCombo?.id).toBe('HllvX50cXC0');
    expect(byCode.defaultCategoryComboId).toBe('bjDvmb4bfuf');
  });

  it('refuses a file that is not such an export, in Chinese, naming where', () => {
    expect(() => readDhis2Metadata({ dataSets: [{ id: 'a', name: 'A', periodType: 'Monthly' }] })).toThrow('DHIS2 元数据文件有误（dataSets.0.categoryCombo）');
    expect(() => readDhis2Metadata({ organisationUnits: [{ id: 'u', name: 'U', openingDate: '上个月' }] })).toThrow('日期“上个月”无法识别。');
  });
});
