import { describe, expect, it } from 'vitest';
import { RateWindow } from './cine';

describe('RateWindow', () => {
  it('has no rate before two events', () => {
    const w = new RateWindow();
    expect(w.rate()).toBeNull();
    w.add(0);
    expect(w.rate()).toBeNull();
  });

  it('gives events per second over the span it keeps', () => {
    const w = new RateWindow(1000);
    for (let t = 0; t <= 2000; t += 50) w.add(t); // 20 per second
    expect(w.rate()).toBeCloseTo(20, 5);
  });

  it('follows a slowdown: only the last second counts', () => {
    const w = new RateWindow(1000);
    for (let t = 0; t < 1000; t += 20) w.add(t); // 50 per second
    for (let t = 1000; t <= 3000; t += 100) w.add(t); // then 10 per second
    expect(w.rate()).toBeCloseTo(10, 5);
  });

  it('starts over when cleared', () => {
    const w = new RateWindow();
    w.add(0);
    w.add(10);
    w.clear();
    expect(w.rate()).toBeNull();
  });
});
