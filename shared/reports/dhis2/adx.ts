import { checkPayload, Dhis2ExportError, formatValue, type ReportPayload } from './values.js';

/**
 * ADX (IHE QRPH Aggregate Data Exchange) as DHIS2 imports it (reports-standards.md §5.5, dhis2-docs `data.md` "ADX data
 * format"): root `adx` in namespace urn:ihe:qrph:adx:2015 with only `exported`; one `group` carrying orgUnit, period
 * (start/duration) and dataSet; each disaggregation written out as an attribute named by the category code whose value
 * is the option code. Codes are ADX's default id scheme, so nothing names it. No completeDate on the group, for the
 * reason dataValueSet.ts gives.
 */

/**
 * An XML 1.0 attribute name without a colon (a colon would make it a namespace prefix), not starting with "xml"
 * (reserved by XML 1.0 §2.3). Letters of any script pass, as XML allows; spaces and most punctuation do not, which is
 * why the docs ask for category codes without spaces.
 */
const xmlName = /^[\p{L}_][\p{L}\p{Mn}\p{Mc}\p{Nd}._-]*$/u;
/** dataValue attributes of ADX itself: a category named like one would overwrite it. */
const ownAttributes = new Set(['dataElement', 'value', 'categoryOptionCombo', 'attributeOptionCombo', 'comment']);

function checkCategory(code: string): void {
  if (!xmlName.test(code) || /^xml/i.test(code)) {
    throw new Dhis2ExportError(
      `分类编码“${code}”不能用作 ADX 的属性名：只能由字母、数字、下划线、点和连字符组成，以字母或下划线开头，且不以 xml 开头。请在 DHIS2 中改用这样的编码。`,
    );
  }
  if (ownAttributes.has(code)) throw new Dhis2ExportError(`分类编码“${code}”与 ADX 数据值自带的属性同名，请在 DHIS2 中改用其他编码。`);
}

/** Attribute text: markup characters as entities, tab and line breaks as references so parsers keep them. */
function escape(text: string): string {
  // Exactly the control characters XML 1.0 forbids even as references (§2.2 Char).
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text)) throw new Dhis2ExportError(`编码“${text}”含有 XML 不允许的控制字符。`);
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

const attributes = (pairs: ReadonlyArray<readonly [string, string]>) => pairs.map(([name, text]) => ` ${name}="${escape(text)}"`).join('');

export function writeAdx(payload: ReportPayload, options: { exported: Date }): string {
  const period = checkPayload(payload);
  const values = payload.values.map(({ dataElement, disaggregation, value }) => {
    if (disaggregation) checkCategory(disaggregation.category);
    const pairs: Array<readonly [string, string]> = [['dataElement', dataElement]];
    if (disaggregation) pairs.push([disaggregation.category, disaggregation.option]);
    pairs.push(['value', formatValue(value)]);
    return `    <dataValue${attributes(pairs)}/>`;
  });
  const exported = options.exported.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<adx xmlns="urn:ihe:qrph:adx:2015"${attributes([['exported', exported]])}>`,
    `  <group${attributes([
      ['orgUnit', payload.orgUnit],
      ['period', period.adx],
      ['dataSet', payload.dataSet],
    ])}>`,
    ...values,
    '  </group>',
    '</adx>',
    '',
  ].join('\n');
}
