import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { dataValueSetSchema, identifierPattern, periodPattern, valuePattern } from '../../../../shared/reports/dhis2/dataValueSetSchema.js';

const repo = path.resolve(import.meta.dirname, '../../../..');
const jsonSchema = JSON.parse(fs.readFileSync(path.join(repo, 'shared/reports/dhis2/dataValueSet.schema.json'), 'utf8'));
const validateJson = new Ajv2020({ strict: true, allErrors: true }).compile(jsonSchema);
const folder = path.join(repo, 'tests/fixtures/dhis2/schema');
const fixtures = fs.readdirSync(folder).filter((name) => name.endsWith('.json'));
const load = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

describe('the dataValueSets JSON Schema and its zod twin', () => {
  it('have fixtures of both kinds to judge', () => {
    expect(fixtures.filter((name) => name.startsWith('valid-')).length).toBeGreaterThanOrEqual(4);
    expect(fixtures.filter((name) => name.startsWith('invalid-')).length).toBeGreaterThanOrEqual(10);
  });

  it.each(fixtures)('agree on %s, as its name says', (name) => {
    const payload = load(path.join(folder, name));
    const byAjv = validateJson(payload);
    const byZod = dataValueSetSchema.safeParse(payload).success;
    expect({ byAjv, byZod }).toEqual({ byAjv: name.startsWith('valid-'), byZod: name.startsWith('valid-') });
  });

  it('accept every golden dataValueSets file the writer produced', () => {
    for (const name of ['monthly.dataValueSet.json', 'escaping.dataValueSet.json']) {
      const payload = load(path.join(repo, 'tests/fixtures/dhis2/golden', name));
      expect(validateJson(payload), name).toBe(true);
      expect(dataValueSetSchema.safeParse(payload).success, name).toBe(true);
    }
  });

  it('share their patterns by source text', () => {
    expect(jsonSchema.properties.period.pattern).toBe(periodPattern);
    expect(jsonSchema.properties.dataValues.items.properties.value.pattern).toBe(valuePattern);
    expect(jsonSchema.$defs.identifier.pattern).toBe(identifierPattern);
  });
});
