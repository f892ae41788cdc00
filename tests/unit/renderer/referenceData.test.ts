import { describe, expect, it, vi } from 'vitest';
import { referenceData } from '../../../renderer/src/shared/stores/referenceData.js';

/** Reference data (station, staff directory, scale list, rooms): fetched once, replaced after a change. */
describe('reference data', () => {
  it('fetches once however many screens ask, and shares the answer', async () => {
    const fetch = vi.fn(async () => ['咨询室一']);
    const rooms = referenceData(fetch, [] as string[]);
    const [first, second] = await Promise.all([rooms.load(), rooms.load()]);
    await rooms.load();
    expect(fetch).toHaveBeenCalledOnce();
    expect([first, second, rooms.value.value]).toEqual([['咨询室一'], ['咨询室一'], ['咨询室一']]);
  });

  it('after a change: refresh fetches again once loaded, set keeps what core answered', async () => {
    let version = 1;
    const fetch = vi.fn(async () => [`v${version}`]);
    const data = referenceData(fetch, [] as string[]);
    await data.refresh();
    expect(fetch).not.toHaveBeenCalled();
    await data.load();
    version = 2;
    await data.refresh();
    expect(data.value.value).toEqual(['v2']);
    data.set(['v3']);
    expect(await data.load()).toEqual(['v3']);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('a failed fetch is tried again at the next load', async () => {
    const fetch = vi.fn().mockRejectedValueOnce(new Error('无法连接心驿服务')).mockResolvedValueOnce({ name: '胜利路站' });
    const station = referenceData<{ name: string } | null>(fetch, null);
    await expect(station.load()).rejects.toThrow('无法连接心驿服务');
    expect(await station.load()).toEqual({ name: '胜利路站' });
  });
});
