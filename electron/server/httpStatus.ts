import type { ErrorCode } from '../../shared/api/errors.js';

/** HTTP status for an error code; the body is always the `{ ok: false, error }` object. */
const statusByCode: Partial<Record<ErrorCode, number>> = {
  INVALID_INPUT: 400,
  BAD_TOKEN: 401,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_ORIGIN: 403,
  UNKNOWN_METHOD: 404,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  LOCKED: 423,
  TOO_MANY_ATTEMPTS: 429,
  INTERNAL: 500,
  DISK_FULL: 507,
};

export function httpStatusFor(code: ErrorCode): number {
  return statusByCode[code] ?? 409;
}
