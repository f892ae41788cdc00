import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCompleteRegistration, writeCompleteRegistration } from '../../../../shared/reports/dhis2/completeRegistration.js';
import { toDataValueSet } from '../../../../shared/reports/dhis2/dataValueSet.js';
import { readDhis2Metadata } from '../../../../shared/reports/dhis2/metadata.js';
import { checkDataValueSet } from '../../../../shared/reports/dhis2/preflight.js';
import type { ReportPayload } from '../../../../shared/reports/dhis2/values.js';

const fixtures = path.resolve(import.meta.dirname, '../../../fixtures/dhis2');
const read = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');
const metadata = readDhis2Metadata(JSON.parse(read('metadata.json')));
const payload = toDataValueSet(JSON.parse(read('payload.json')) as ReportPayload);
const options = { now: new Date(2026, 3, 15, 10, 0), idScheme: 'code' } as const;

describe('completeness registration', () => {
  it('is written, as its own request, for a payload whose pre-flight is clean', () => {
    expect(writeCompleteRegistration(payload, checkDataValueSet(payload, metadata, options))).toBe(read('golden/monthly.completeRegistration.json'));
  });

  it('is refused while the pre-flight has conflicts, even when some values would import', () => {
    const partly = { ...payload, dataValues: [...payload.dataValues, { dataElement: 'HL01', value: '3' }] };
    const preflight = checkDataValueSet(partly, metadata, options);
    expect(preflight.status).toBe('WARNING');
    expect(() => toCompleteRegistration(partly, preflight)).toThrow('报表检查发现 1 个问题，全部解决前不能标记为“已完成上报”。');
  });

  it("is refused for another payload's clean pre-flight", () => {
    const clean = checkDataValueSet(payload, metadata, options);
    expect(() => toCompleteRegistration({ ...payload, period: '202602' }, clean)).toThrow('这份检查结果属于另一份报表');
    expect(() => toCompleteRegistration({ ...payload, orgUnit: 'ST_OLD' }, clean)).toThrow('这份检查结果属于另一份报表');
  });
});
