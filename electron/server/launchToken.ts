import { randomBytes } from 'node:crypto';

export function createLaunchToken(): string {
  return randomBytes(24).toString('base64url');
}
