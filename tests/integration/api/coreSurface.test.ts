import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/createCore.js';
import { tempDir } from '../helpers/station.js';

describe('the core the hosts hold', () => {
  it('offers calls through the role-checked dispatch only: no handler table, no bulk seeding', async () => {
    const core = createCore({ dataDir: tempDir(), idleCheckMs: 0, backupCheckMs: 0 });
    try {
      const surface = Object.keys(core);
      expect(surface).not.toContain('handlers');
      expect(surface.filter((key) => /seedBench/i.test(key))).toEqual([]);
      const result = await core.call({ scope: 'staff', transport: 'direct', sessionToken: null }, 'clients.search', { query: '王' });
      expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    } finally {
      core.close();
    }
  });
});
