/**
 * One Content-Security-Policy for both hosts (Electron's app:// protocol and the loopback HTTP host).
 * No inline or remote script; styles allow inline attributes because Element Plus positions popups
 * with style attributes.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
