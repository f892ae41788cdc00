import { apiError, type ApiError, type ErrorCode } from '../../shared/api/errors.js';

/** The one error type core throws on purpose; transports turn it into `{ ok: false, error }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(apiError(code, message).message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toApiError(): ApiError {
    return apiError(this.code, this.message, this.details);
  }
}

/** A refusal about one field: the form shows the message on that field (the same shape as the contract's schema errors). */
export const fieldRefusal = (path: string, message: string) => new AppError('INVALID_INPUT', message, [{ path, message }]);

/** SQLite error codes that mean the disk, not the request, is the problem. */
const diskFullCodes = new Set(['SQLITE_FULL', 'SQLITE_IOERR_WRITE', 'SQLITE_IOERR_FSYNC']);

export function toApiError(error: unknown): ApiError {
  if (error instanceof AppError) return error.toApiError();
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (diskFullCodes.has(code) || code === 'ENOSPC')) return apiError('DISK_FULL');
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') return apiError('DB_CORRUPT');
  if (typeof code === 'string' && (code.startsWith('SQLITE_READONLY') || code === 'EROFS')) {
    return apiError('FILE_ERROR', '数据库文件或数据文件夹是只读的，本次操作未保存。请检查数据文件夹的权限。');
  }
  return apiError('INTERNAL');
}
