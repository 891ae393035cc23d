import { describe, expect, it } from 'vitest';
import { AutoLock } from './auto-lock';

describe('AutoLock', () => {
  it('locks after the idle time, not before, and not while work runs', async () => {
    let now = 0;
    let locked = 0;
    let busy = false;
    const auto = new AutoLock(async () => { locked++; }, () => busy, () => now);
    auto.setMinutes(10);
    auto.touch();
    now = 9 * 60_000;
    expect(await auto.check()).toBe(false);
    busy = true;
    now = 30 * 60_000;
    expect(await auto.check()).toBe(false);
    busy = false;
    now += 10 * 60_000 - 1;
    expect(await auto.check()).toBe(false);
    now += 1;
    expect(await auto.check()).toBe(true);
    expect(locked).toBe(1);
  });

  it('never locks when set to 0 minutes', async () => {
    let now = 0;
    const auto = new AutoLock(async () => undefined, () => false, () => now);
    auto.setMinutes(0);
    now = 1e12;
    expect(await auto.check()).toBe(false);
  });
});
