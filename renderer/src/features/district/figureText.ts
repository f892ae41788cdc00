/** One formatter per locale: a district's tables show thousands of figures, and making one costs about a millisecond. */
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A figure as read: whole counts as they are, hours and full-time equivalents to two decimals at most. */
export function figureText(value: number, locale: string): string {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })));
  return format.format(value);
}
