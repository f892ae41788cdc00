/**
 * The indicator set as DHIS2 reads it (issue 14: "a mapping … indicator × category option → dataElement /
 * categoryOptionCombo", and "the DHIS2 metadata package … so a district imports the indicator set into its DHIS2 in
 * one step and our values map onto it"). Each value is a data element with DHIS2's default combo (its total); each
 * category it is broken down by is one more data element, `<value>_<category>`, whose category combo is that one
 * category — one dimension at a time, as our reports publish them (reports-standards.md §6.3 rule 4). Codes are the
 * identifiers we send (idScheme=code, §5.2); uids are derived from the codes, so every export of the same set carries
 * the same uids and a district's second import updates rather than duplicates.
 */
import type { SetFigures } from '../compute.js';
import { isStock } from '../compute.js';
import type { IndicatorSet, IndicatorValue, ReportCategory } from '../indicatorSetSchema.js';
import type { ReportPayload, ReportValue } from './values.js';

/** DHIS2's built-in default category model: the same uids in every DHIS2 instance. */
const defaults = { categoryCombo: 'bjDvmb4bfuf', category: 'GLevLNI9wkl', categoryOption: 'xYerKDKCefk', categoryOptionCombo: 'HllvX50cXC0' } as const;

const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * A DHIS2 uid (11 characters, a letter first: CodeGenerator.isValidUid) derived from a kind and a code with two
 * 32-bit FNV-1a streams; uniqueness across a set's few hundred objects is checked by the metadata test.
 */
export function dhis2Uid(kind: string, code: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  const text = `${kind}:${code}`;
  let uid = '';
  for (let round = 0; uid.length < 11; round += 1) {
    for (const char of `${text}#${round}`) {
      a = Math.imul(a ^ char.charCodeAt(0), 0x01000193) >>> 0;
      b = Math.imul(b ^ char.charCodeAt(0), 0x5bd1e995) >>> 0;
    }
    const mixed = (a ^ (b >>> 7)) >>> 0;
    uid += uid.length === 0 ? alphabet[mixed % 52] : alphabet[mixed % 62];
  }
  return uid;
}

export const breakdownElement = (value: IndicatorValue, category: ReportCategory) => `${value.code}_${category.code}`;
export const optionComboCode = (category: ReportCategory, option: string) => `${category.code}_${option}`;

/** A report's figures as the neutral DHIS2 payload: every value's total and every breakdown cell, zeros included. */
export function dhis2Payload(set: IndicatorSet, figures: SetFigures, target: Readonly<{ orgUnit: string; period: string }>): ReportPayload {
  const categories = new Map(set.categories.map((category) => [category.code, category]));
  const values: ReportValue[] = [];
  for (const item of set.indicators) {
    for (const value of item.values) {
      const figure = figures[value.code];
      if (!figure) continue;
      values.push({ dataElement: value.code, value: figure.total });
      for (const code of item.disaggregations) {
        const category = categories.get(code)!;
        for (const option of category.options) {
          values.push({
            dataElement: breakdownElement(value, category),
            disaggregation: { category: category.code, option: option.code, categoryOptionCombo: optionComboCode(category, option.code) },
            value: figure.breakdown[code]?.[option.code] ?? 0,
          });
        }
      }
    }
  }
  return { dataSet: set.dhis2.dataSet, orgUnit: target.orgUnit, period: target.period, values };
}

export type Dhis2OrgUnitSpec = Readonly<{ code: string; name: string; openingDate: string }>;

const ref = (id: string) => ({ id });
const short = (text: string) => [...text].slice(0, 50).join('');
const importance = { high: 'HIGH', medium: 'MEDIUM', low: 'LOW' } as const;
const operators = {
  equal_to: 'equal_to',
  not_equal_to: 'not_equal_to',
  greater_than: 'greater_than',
  greater_than_or_equal_to: 'greater_than_or_equal_to',
  less_than: 'less_than',
  less_than_or_equal_to: 'less_than_or_equal_to',
} as const;

/**
 * The DHIS2 metadata package of a set (`POST /api/metadata`): categories and their options, one-category combos and
 * their option combos, the data elements (SUM for flows, LAST for stocks: never sum stocks over time; zeros stored),
 * the monthly data set with its `timelyDays`, the validation rules, and the org units the data set is assigned to.
 */
export function dhis2Metadata(set: IndicatorSet, orgUnits: readonly Dhis2OrgUnitSpec[], timelyDays: number) {
  const categoryCode = (category: ReportCategory) => `SPS_${category.code}`;
  const categoryOptions = set.categories.flatMap((category) =>
    category.options.map((option) => ({ id: dhis2Uid('categoryOption', optionComboCode(category, option.code)), code: optionComboCode(category, option.code), name: `${category.name}：${option.name}`, shortName: short(`${category.name}：${option.name}`) })),
  );
  const categories = set.categories.map((category) => ({
    id: dhis2Uid('category', category.code),
    code: categoryCode(category),
    name: category.name,
    shortName: short(category.name),
    dataDimensionType: 'DISAGGREGATION',
    categoryOptions: category.options.map((option) => ref(dhis2Uid('categoryOption', optionComboCode(category, option.code)))),
  }));
  const categoryCombos = set.categories.map((category) => ({ id: dhis2Uid('categoryCombo', category.code), code: categoryCode(category), name: `按${category.name}`, dataDimensionType: 'DISAGGREGATION', categories: [ref(dhis2Uid('category', category.code))] }));
  const categoryOptionCombos = set.categories.flatMap((category) =>
    category.options.map((option) => ({
      id: dhis2Uid('categoryOptionCombo', optionComboCode(category, option.code)),
      code: optionComboCode(category, option.code),
      name: option.name,
      categoryCombo: ref(dhis2Uid('categoryCombo', category.code)),
      categoryOptions: [ref(dhis2Uid('categoryOption', optionComboCode(category, option.code)))],
    })),
  );
  const categoryByCode = new Map(set.categories.map((category) => [category.code, category]));
  const element = (code: string, name: string, value: IndicatorValue, combo: string) => ({
    id: dhis2Uid('dataElement', code),
    code,
    name,
    shortName: short(`${code} ${value.name}`),
    domainType: 'AGGREGATE',
    valueType: value.unit === '小时' || value.unit === '分' ? 'NUMBER' : 'INTEGER_ZERO_OR_POSITIVE',
    aggregationType: isStock(value) ? 'LAST' : 'SUM',
    zeroIsSignificant: true,
    categoryCombo: ref(combo),
  });
  const dataElements = set.indicators.flatMap((item) =>
    item.values.flatMap((value) => [
      element(value.code, `${item.name}：${value.name}`, value, defaults.categoryCombo),
      ...item.disaggregations.map((code) => {
        const category = categoryByCode.get(code)!;
        return element(breakdownElement(value, category), `${item.name}：${value.name}（按${category.name}）`, value, dhis2Uid('categoryCombo', code));
      }),
    ]),
  );
  const organisationUnits = orgUnits.map((unit) => ({ id: dhis2Uid('organisationUnit', unit.code), code: unit.code, name: unit.name, shortName: short(unit.name), openingDate: unit.openingDate }));
  const elementIds = new Map(dataElements.map((entry) => [entry.code, entry.id]));
  const side = (codes: readonly string[], strategy: string) => ({ expression: codes.map((code) => `#{${elementIds.get(code)!}}`).join(' + '), missingValueStrategy: strategy });
  return {
    categoryOptions: [{ id: defaults.categoryOption, code: 'default', name: 'default', shortName: 'default' }, ...categoryOptions],
    categories: [{ id: defaults.category, code: 'default', name: 'default', shortName: 'default', dataDimensionType: 'DISAGGREGATION', categoryOptions: [ref(defaults.categoryOption)] }, ...categories],
    categoryCombos: [{ id: defaults.categoryCombo, code: 'default', name: 'default', dataDimensionType: 'DISAGGREGATION', categories: [ref(defaults.category)] }, ...categoryCombos],
    categoryOptionCombos: [{ id: defaults.categoryOptionCombo, code: 'default', name: 'default', categoryCombo: ref(defaults.categoryCombo), categoryOptions: [ref(defaults.categoryOption)] }, ...categoryOptionCombos],
    dataElements,
    dataSets: [
      {
        id: dhis2Uid('dataSet', set.dhis2.dataSet),
        code: set.dhis2.dataSet,
        name: set.name,
        shortName: short(set.name),
        periodType: set.dhis2.periodType,
        timelyDays,
        expiryDays: 0,
        openFuturePeriods: 0,
        categoryCombo: ref(defaults.categoryCombo),
        dataSetElements: dataElements.map((entry) => ({ dataElement: ref(entry.id) })),
        organisationUnits: organisationUnits.map((unit) => ref(unit.id)),
      },
    ],
    validationRules: set.rules.map((rule) => ({
      id: dhis2Uid('validationRule', rule.id),
      code: `SPS_${rule.id}`,
      name: rule.name,
      instruction: rule.instruction,
      importance: importance[rule.importance],
      periodType: set.dhis2.periodType,
      operator: operators[rule.operator],
      leftSide: side(rule.left, rule.missingValueStrategy),
      rightSide: side(rule.right, rule.missingValueStrategy),
    })),
    organisationUnits,
  };
}
