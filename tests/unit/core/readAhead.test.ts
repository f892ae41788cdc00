import { describe, expect, it } from 'vitest';
import { ReadAhead } from '../../../electron/core/services/reports/readAhead.js';

describe('reading ahead in the background', () => {
  it('starts a while after its cause, runs once for starts close together, and pauses between steps', async () => {
    const readAhead = new ReadAhead(20);
    const steps: string[] = [];
    const work = (name: string) => async (pause: () => Promise<void>) => {
      for (const step of [1, 2]) {
        await pause();
        steps.push(`${name}${step}`);
      }
    };
    readAhead.start(work('a'));
    readAhead.start(work('b'));
    expect(steps).toEqual([]);
    await readAhead.ended();
    expect(steps).toEqual(['b1', 'b2']);
  });

  it('a failing run ends quietly (the screen then reads for itself); a stopped one never starts; 0 is off', async () => {
    const failing = new ReadAhead(5);
    failing.start(async () => {
      throw new Error('locked');
    });
    await expect(failing.ended()).resolves.toBeUndefined();

    let ran = false;
    const stopped = new ReadAhead(5);
    stopped.start(async () => {
      ran = true;
    });
    stopped.stop();
    await stopped.ended();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const off = new ReadAhead(0);
    off.start(async () => {
      ran = true;
    });
    await off.ended();
    expect(ran).toBe(false);
  });
});
