import { describe, expect, it } from 'vitest';
import { dhis2PeriodIdAt, fromDhis2PeriodId, ordinalOfDay, toDhis2Period } from '../../../../shared/reports/dhis2/periods.js';

describe('DHIS2 periods', () => {
  it('spells each of our four period kinds as DHIS2 ISO id, period type and ADX start/duration', () => {
    const spelled = (key: string) => {
      const period = toDhis2Period(key);
      return period && [period.id, period.type, period.adx, period.from, period.to];
    };
    expect(spelled('2026-11')).toEqual(['202611', 'Monthly', '2026-11-01/P1M', '2026-11-01', '2026-11-30']);
    expect(spelled('2026-Q4')).toEqual(['2026Q4', 'Quarterly', '2026-10-01/P3M', '2026-10-01', '2026-12-31']);
    expect(spelled('2026-H2')).toEqual(['2026S2', 'SixMonthly', '2026-07-01/P6M', '2026-07-01', '2026-12-31']);
    expect(spelled('2026')).toEqual(['2026', 'Yearly', '2026-01-01/P1Y', '2026-01-01', '2026-12-31']);
    expect(spelled('2026-02')).toEqual(['202602', 'Monthly', '2026-02-01/P1M', '2026-02-01', '2026-02-28']);
    expect(spelled('2026-Q1')?.[2]).toBe('2026-01-01/P3M');
    expect(spelled('2026-H1')?.[0]).toBe('2026S1');
    // parsePeriod reads lower case and spaces; DHIS2 still gets its own spelling.
    expect(toDhis2Period(' 2026-q2 ')?.id).toBe('2026Q2');
  });

  it('reads DHIS2 ids of the four types back into our keys', () => {
    const read = (id: string) => {
      const period = fromDhis2PeriodId(id);
      return period && [period.key, period.type, period.label];
    };
    expect(read('202611')).toEqual(['2026-11', 'Monthly', '2026年11月']);
    expect(read('2026Q4')).toEqual(['2026-Q4', 'Quarterly', '2026年第四季度']);
    expect(read('2026S2')).toEqual(['2026-H2', 'SixMonthly', '2026年下半年']);
    expect(read('2026')).toEqual(['2026', 'Yearly', '2026年']);
    for (const key of ['2026-01', '2026-12', '2026-Q1', '2026-H1', '2030']) expect(fromDhis2PeriodId(toDhis2Period(key)!.id)?.key).toBe(key);
  });

  it('names no period for ids that are not one of the four types or are not a period at all', () => {
    for (const id of ['202613', '202600', '2026Q5', '2026Q0', '2026S3', '2026W45', '2026BiW3', '202609B', '2026AprilS1', '2026April', '20261105', '2026-11', '2026q4', '1999', '', ' 202611']) {
      expect(fromDhis2PeriodId(id), id).toBeNull();
    }
    for (const key of ['2026-13', '2026-Q5', '2026-S2', '202611', '']) expect(toDhis2Period(key), key).toBeNull();
  });

  it('counts periods so that neighbours differ by one, across year ends, and names a counted period', () => {
    expect(toDhis2Period('2027-01')!.ordinal - toDhis2Period('2026-12')!.ordinal).toBe(1);
    expect(toDhis2Period('2027-Q1')!.ordinal - toDhis2Period('2026-Q4')!.ordinal).toBe(1);
    expect(ordinalOfDay('Monthly', '2026-04-15')).toBe(toDhis2Period('2026-04')!.ordinal);
    expect(ordinalOfDay('Quarterly', '2026-09-30')).toBe(toDhis2Period('2026-Q3')!.ordinal);
    expect(ordinalOfDay('SixMonthly', '2026-07-01')).toBe(toDhis2Period('2026-H2')!.ordinal);
    expect(ordinalOfDay('Yearly', '2026-07-01')).toBe(toDhis2Period('2026')!.ordinal);
    expect(dhis2PeriodIdAt('Monthly', ordinalOfDay('Monthly', '2026-01-10') - 1)).toBe('202512');
    expect(dhis2PeriodIdAt('Quarterly', ordinalOfDay('Quarterly', '2026-12-31') + 1)).toBe('2027Q1');
    expect(dhis2PeriodIdAt('SixMonthly', toDhis2Period('2026-H2')!.ordinal)).toBe('2026S2');
  });
});
