import { perLocale } from '../../shared/composables/format.js';

const numberFormat = perLocale((locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }));

/** A figure as read: whole counts as they are, hours and full-time equivalents to two decimals at most. */
export const figureText = (value: number, locale: string) => numberFormat(locale).format(value);
