import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import schema from '../../../../shared/reports/dhis2/dataValueSet.schema.json' with { type: 'json' };
import { computeFigures } from '../../../../shared/reports/compute.js';
import { toDataValueSet } from '../../../../shared/reports/dhis2/dataValueSet.js';
import { dhis2Metadata, dhis2Payload, dhis2Uid } from '../../../../shared/reports/dhis2/mapping.js';
import { readDhis2Metadata } from '../../../../shared/reports/dhis2/metadata.js';
import { checkDataValueSet } from '../../../../shared/reports/dhis2/preflight.js';
import { builtinIndicatorSets } from '../../../../shared/reports/library.js';

/**
 * Our indicator set as DHIS2 metadata, and a month's figures as its data values: what a district imports in one step
 * must accept what a station sends, checked by the offline pre-flight (DHIS2's own order of checks).
 */
const set = builtinIndicatorSets.get('sps-monthly')!;
const station = { code: '500118001001', name: '胜利路社区心理咨询室', openingDate: '2025-01-01' };

const figures = computeFigures(set, {
  sessions: [
    { id: 1, link: '', clientId: 7, day: '2026-11-02', dims: { sex: 'female', age: 30, group: ['youth'], topic: ['emotion'], modality: 'in_person' } },
    { id: 2, link: '', clientId: 7, day: '2026-11-09', dims: { sex: 'female', age: 30, group: ['youth'], topic: ['emotion'], modality: 'phone' } },
  ],
  openDays: [{ id: 1, link: '', clientId: null, day: '2026-11-02', dims: {}, amounts: { hours: 6.5 } }],
});

describe('the DHIS2 mapping of the indicator set', () => {
  it('gives every object a valid, distinct uid that is the same in every export', () => {
    const metadata = dhis2Metadata(set, [station], 10);
    const ids = Object.values(metadata).flatMap((objects) => objects.map((object) => object.id));
    expect(ids.every((id) => /^[a-zA-Z][a-zA-Z0-9]{10}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(dhis2Metadata(set, [station], 10)).toEqual(metadata);
    expect(dhis2Uid('dataElement', 'SPS01')).not.toBe(dhis2Uid('dataElement', 'SPS02'));
  });

  it('maps stocks to LAST and flows to SUM, breakdowns to one-category combos, and every rule to #{uid} expressions', () => {
    const metadata = dhis2Metadata(set, [station], 10);
    const element = (code: string) => metadata.dataElements.find((entry) => entry.code === code)!;
    expect(element('SPS04').aggregationType).toBe('LAST');
    expect(element('SPS01').aggregationType).toBe('SUM');
    expect(element('SPS15A').valueType).toBe('NUMBER');
    expect(element('SPS01_SEX').categoryCombo.id).toBe(metadata.categoryCombos.find((combo) => combo.code === 'SPS_SEX')!.id);
    const rule = metadata.validationRules.find((entry) => entry.code === 'SPS_R01')!;
    expect(rule).toMatchObject({ operator: 'less_than_or_equal_to', leftSide: { expression: `#{${element('SPS02').id}}` }, rightSide: { expression: `#{${element('SPS01').id}}` } });
    expect(metadata.dataSets[0]).toMatchObject({ code: 'SPS_MONTHLY', periodType: 'Monthly', timelyDays: 10 });
  });

  it('sends a month the pre-flight accepts whole against that metadata, zeros stored, no completeDate', () => {
    const payload = toDataValueSet(dhis2Payload(set, figures, { orgUnit: station.code, period: '2026-11' }));
    expect(payload).not.toHaveProperty('completeDate');
    expect(new Ajv2020({ strict: false }).validate(schema, payload)).toBe(true);
    const sent = (element: string, combo?: string) => payload.dataValues.find((row) => row.dataElement === element && row.categoryOptionCombo === combo)?.value;
    expect(sent('SPS01')).toBe('2');
    expect(sent('SPS02')).toBe('1');
    expect(sent('SPS01_MOD', 'MOD_TEL')).toBe('1');
    expect(sent('SPS15A')).toBe('6.5');
    expect(sent('SPS03')).toBe('0');
    const result = checkDataValueSet(payload, readDhis2Metadata(JSON.parse(JSON.stringify(dhis2Metadata(set, [station], 10)))), { now: new Date(2026, 11, 3), idScheme: 'code' });
    expect(result.conflicts).toEqual([]);
    expect(result).toMatchObject({ status: 'SUCCESS', importCount: { imported: payload.dataValues.length, ignored: 0 } });
  });
});
