import type { ScryptOptions } from 'node:crypto';
import { vi } from 'vitest';

/**
 * Integration tests copy staffed template stations (helpers/station.ts), so the same password meets the same slot
 * salt in test after test, and each login ran the same 128 MiB scrypt again: about 0.65 s on these machines, most of
 * an integration test's time and of CI's. scrypt is a pure function, so this worker remembers each result it has
 * computed for (password, salt, cost) and hands out a copy (callers zero their key after use). Every distinct input
 * still runs the real KDF, so a wrong password, a fresh salt, a changed password or an altered cost behaves exactly
 * as in production; only the repeated wait is gone. Spawned CLI and host processes are not affected.
 */
vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof import('node:crypto')>();
  const remembered = new Map<string, Promise<Buffer>>();
  type Callback = (error: Error | null, key: Buffer) => void;

  function rememberedScrypt(password: string | Buffer, salt: Buffer | string, keylen: number, options: ScryptOptions | Callback, maybeCallback?: Callback): void {
    const callback = (typeof options === 'function' ? options : maybeCallback) as Callback;
    const costs = typeof options === 'function' ? {} : options;
    const key = JSON.stringify([Buffer.from(password).toString('base64'), Buffer.from(salt).toString('base64'), keylen, costs.N, costs.r, costs.p]);
    let derived = remembered.get(key);
    if (!derived) {
      derived = new Promise<Buffer>((resolve, reject) => crypto.scrypt(password, salt, keylen, costs, (error, result) => (error ? reject(error) : resolve(result))));
      // A failed derivation (a bad cost) is not remembered: the next call reports its own error.
      derived.catch(() => remembered.delete(key));
      remembered.set(key, derived);
    }
    derived.then((result) => callback(null, Buffer.from(result)), (error: Error) => callback(error, Buffer.alloc(0)));
  }

  return { ...crypto, default: { ...crypto, scrypt: rememberedScrypt }, scrypt: rememberedScrypt };
});
