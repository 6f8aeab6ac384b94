import { describe, expect, it } from 'vitest';
import { serialized } from './serial';

describe('serialized', () => {
  it('never overlaps two runs, and runs once more for the calls made meanwhile', async () => {
    let state = 0;
    const seen: number[] = [];
    let active = 0;
    let maxActive = 0;
    const job = async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      const read = state;
      await new Promise((ok) => setTimeout(ok, 5));
      seen.push(read);
      active--;
    };
    const sync = serialized(job, () => {});
    state = 1;
    const first = sync();
    state = 2;
    sync();
    state = 3;
    const last = sync();
    await Promise.all([first, last]);
    expect(maxActive).toBe(1);
    // the first run read 1; the calls during it coalesced into one run that read the latest state
    expect(seen).toEqual([1, 3]);
  });

  it('goes on after a failed run, and reports the failure', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const sync = serialized(
      async () => {
        calls++;
        if (calls === 1) throw new Error('Duplicate script ID');
      },
      (e) => errors.push(e),
    );
    await sync();
    await sync();
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
  });
});
