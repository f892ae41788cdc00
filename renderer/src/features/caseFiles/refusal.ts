import { ApiCallError } from '../../api/client.js';

/** Core's refusal to open a record for this user (FORBIDDEN, NOT_FOUND), to show; any other failure is thrown on. */
export function refusalOf(error: unknown): ApiCallError {
  if (error instanceof ApiCallError && (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND')) return error;
  throw error;
}
