/** One formatter per locale: making an Intl.DateTimeFormat costs about a millisecond, a page of 100 rows a tenth of a second. */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: string): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
    dateTimeFormats.set(locale, format);
  }
  return format;
}

/** Local date-time for display, in the station's own time zone (the PC's). */
export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  return dateTimeFormat(locale).format(new Date(iso));
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export function daysSince(iso: string, now: Date): number {
  return Math.floor((now.getTime() - new Date(iso).getTime()) / 86_400_000);
}

/** The database cipher as people read it ("AEGIS-256 认证加密"); an id without a name is shown as it is. */
export function cipherName(cipher: string, t: (key: string) => string, te: (key: string) => boolean): string {
  return te(`about.ciphers.${cipher}`) ? t(`about.ciphers.${cipher}`) : cipher;
}
