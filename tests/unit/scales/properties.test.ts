import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinScales } from '../../../shared/scales/library.js';
import { validateDefinition } from '../../../shared/scales/validateDefinition.js';
import { itemScore, optionsOf, reverseScore, scoreAnswers } from '../../../shared/scales/score.js';

const sumScales = [...builtinScales.values()].filter((definition) => definition.scoring.method === 'sum');

describe('the shipped library', () => {
  it('has exactly the scales the issue names, each valid against the schema and the semantic checks', () => {
    expect([...builtinScales.keys()].sort()).toEqual(
      ['PHQ-9', 'GAD-7', 'PHQ-15', 'WHO-5', 'K10', 'SDS', 'SAS', 'EPDS', 'GDS-15', 'PSS-10', 'AD8', 'PCL-5', 'AUDIT', 'ISI', 'SCL-90', 'UCLA-3', 'UCLA-LS3-20', 'C-SSRS-screener'].sort(),
    );
    for (const definition of builtinScales.values()) expect(validateDefinition(definition)).toMatchObject({ ok: true });
  });

  it('ships item text only where the licence allows it (scales.md §4)', () => {
    const withoutText = [...builtinScales.values()].filter((definition) => !definition.licence.textIncluded).map((definition) => definition.id);
    expect(withoutText.sort()).toEqual(['AD8', 'C-SSRS-screener', 'EPDS', 'ISI', 'SCL-90', 'WHO-5']);
    for (const id of withoutText) expect(builtinScales.get(id)!.items.every((item) => item.text === null)).toBe(true);
  });
});

describe('properties', () => {
  it('reverse scoring twice gives the original', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 }), fc.integer({ min: -10, max: 10 }), (base, value) => reverseScore(base, reverseScore(base, value)) === value));
  });

  for (const definition of sumScales) {
    it(`${definition.id}: any complete set of valid answers gives a total within the scale's range`, () => {
      const ranges = definition.items.map((item) => optionsOf(definition, item).map((option) => itemScore(definition, item, option.value)));
      const min = ranges.reduce((total, scores) => total + Math.min(...scores), 0);
      const max = ranges.reduce((total, scores) => total + Math.max(...scores), 0);
      const answer = fc.tuple(...definition.items.map((item) => fc.constantFrom(...optionsOf(definition, item).map((option) => option.value))));
      fc.assert(
        fc.property(answer, (answers) => {
          const result = scoreAnswers(definition, answers);
          return result.raw !== null && result.raw >= min && result.raw <= max && (result.band === null || result.band.index >= 0);
        }),
        { numRuns: 200 },
      );
    });
  }
});
