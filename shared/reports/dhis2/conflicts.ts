import { fromDhis2PeriodId } from './periods.js';

/**
 * The import conflicts the pre-flight can raise, as DHIS2 words them (`value`, English, from dhis2-core
 * `dhis-api/.../feedback/ErrorCode.java` E76xx and the texts DataValueSetImportValidatorTest asserts) beside what a
 * station user reads (`message`, Chinese). `property` and `object` follow DataValueImportConflict.java /
 * DataValueSetImportConflict.java: `object` is the first object the message names, `property` is null where DHIS2
 * gives none (E7632). The English wording moved between releases (E7641 gained "and data set" in the newest copy
 * read), so callers should match on errorCode, never on the text.
 */
export type Conflict = Readonly<{ object: string; value: string; message: string; errorCode: string; property: string | null }>;

const make = (errorCode: string, property: string | null, object: string, value: string, message: string): Conflict => ({ object, value, message, errorCode, property });

/** A DHIS2 period id as a Chinese reader knows it (202611 → 2026年11月), else the id itself. */
const periodName = (id: string) => fromDhis2PeriodId(id)?.label ?? id;

export const conflict = {
  dataSetNotFound: (dataSet: string) =>
    make('E7600', 'dataSet', dataSet, `Data set not found or not accessible: \`${dataSet}\``, `数据集“${dataSet}”在区里的 DHIS2 中不存在或本账号无权访问，整份报表不会导入：请核对数据集编码。`),
  orgUnitNotFound: (orgUnit: string) =>
    make('E7603', 'orgUnit', orgUnit, `Org unit not found or not accessible: \`${orgUnit}\``, `机构“${orgUnit}”在区里的 DHIS2 中不存在或本账号无权访问，整份报表不会导入：请核对本站的机构编码。`),
  dataElementNotFound: (dataElement: string) =>
    make('E7610', 'dataElement', dataElement, `Data element not found or not accessible: \`${dataElement}\``, `指标“${dataElement}”在 DHIS2 中不存在或无权访问：请核对指标编码。`),
  periodNotValid: (period: string) => make('E7611', 'period', period, `Period not valid: \`${period}\``, `统计期“${period}”不是 DHIS2 认得的期间。`),
  optionComboNotFound: (combo: string) =>
    make('E7613', 'categoryOptionCombo', combo, `Category option combo not found or not accessible for writing data: \`${combo}\``, `分类选项组合“${combo}”在 DHIS2 中不存在或无权填报：请核对分组编码。`),
  valueMissing: (dataElement: string) =>
    make('E7618', 'value', dataElement, `Data value or comment not specified for data element: \`${dataElement}\``, `指标“${dataElement}”没有填写数值。`),
  valueTypeMismatch: (dataElement: string, reason: Readonly<{ text: string; message: string }>) =>
    make('E7619', 'value', dataElement, `Value must match value type of data element \`${dataElement}\`: \`${reason.text}\``, `指标“${dataElement}”的数值不符合 DHIS2 对它的要求：${reason.message}`),
  periodTypeMismatch: (period: string, dataElement: string) =>
    make('E7632', null, period, `Period type of period: \`${period}\` not valid for data element: \`${dataElement}\``, `指标“${dataElement}”在 DHIS2 中不按“${periodName(period)}”这种期间填报：请核对报表周期（月/季/半年/年）。`),
  notInDataSet: (dataElement: string, dataSet: string) =>
    make('E7633', 'dataElement', dataElement, `Data element: \`${dataElement}\` is not part of dataset(s): \`${dataSet}\``, `指标“${dataElement}”不在数据集“${dataSet}”中：请让区里把它加入数据集，或不报送该指标。`),
  optionComboNotInCombo: (combo: string, dataElement: string) =>
    make('E7634', 'categoryOptionCombo', combo, `Category option combo: \`${combo}\` must be part of category combo of data element: \`${dataElement}\``, `分组“${combo}”不属于指标“${dataElement}”在 DHIS2 中的分类：请核对该指标的分组方式。`),
  attributeComboNotInCombo: (combo: string, dataElement: string) =>
    make('E7635', 'attributeOptionCombo', combo, `Attribute option combo: \`${combo}\` must be part of category combo of data sets of data element: \`${dataElement}\``, `数据集要求注明属性（如资助项目），而本报表未注明：指标“${dataElement}”不会导入，请与区里确认。`),
  orgUnitNotAssigned: (orgUnit: string, dataElement: string) =>
    make('E7636', 'orgUnit', orgUnit, `Data element: \`${dataElement}\` must be assigned through data sets to organisation unit: \`${orgUnit}\``, `机构“${orgUnit}”没有被分配含指标“${dataElement}”的数据集：请让区里在 DHIS2 中为本站分配该数据集。`),
  orgUnitClosed: (orgUnit: string, period: string) =>
    make('E2019', 'orgUnit', orgUnit, `Organisation unit is closed for the selected period: \`${orgUnit}\``, `机构“${orgUnit}”在“${periodName(period)}”尚未启用或已经关闭，不能为该期间报送。`),
  expired: (period: string, dataSet: string) =>
    make('E7640', 'period', period, `Current date is past expiry days for period: \`${period}\`  and data set: \`${dataSet}\``, `“${periodName(period)}”已过数据集“${dataSet}”的补报期限，DHIS2 不再接收：请联系区里开放补报。`),
  afterLatestOpen: (period: string, dataElement: string, latest: string) =>
    make('E7641', 'period', period, `Period: \`${period}\` is after latest open future period: \`${latest}\` for data element: \`${dataElement}\``, `“${periodName(period)}”尚未开放填报，目前最晚只能报到“${periodName(latest)}”：请等该期结束后再报送。`),
  notOpenNow: (period: string, dataSet: string) =>
    make('E7643', 'period', period, `Period: \`${period}\` is not open for this data set at this time: \`${dataSet}\``, `数据集“${dataSet}”现在不接收“${periodName(period)}”的数据（不在区里设定的填报时段内）。`),
  /**
   * Two rows for one cell. 2.43+ refuses the batch with E8128 (dhis2w DHIS2_ISSUES.md, station-work-and-reporting.md
   * §4.2); older servers store the rows one after another, so one number silently replaces the other. The exact 2.43
   * text was not retrieved: `value` here is our own English, under DHIS2's code.
   */
  duplicate: (dataElement: string, combo: string) =>
    make('E8128', 'value', dataElement, `Duplicate data value in payload for data element \`${dataElement}\` and category option combo \`${combo}\``, `指标“${dataElement}”的分组“${combo}”出现了不止一次，不知道以哪个数为准：请只保留一个。`),
  /** Not DHIS2's: a value type this pre-flight does not model, so it cannot say the value will import. */
  uncheckedValueType: (dataElement: string, valueType: string) =>
    make('PREFLIGHT_VALUE_TYPE', 'value', dataElement, `Value type \`${valueType}\` of data element \`${dataElement}\` is not checked offline`, `指标“${dataElement}”在 DHIS2 中的数值类型是 ${valueType}，不是计数类型，离线检查无法确认能否导入：请与区里核对该指标。`),
};
