import { afterEach, describe, expect, it, vi } from 'vitest';
import { Cine, RateWindow } from './cine';

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

/** A display whose frames the test advances by hand, with a clock it sets. */
function fakeDisplay(): { frame: (at: number) => void; setNow: (at: number) => void } {
  let callbacks: FrameRequestCallback[] = [];
  let now = 0;
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => { callbacks.push(cb); return callbacks.length; });
  vi.stubGlobal('cancelAnimationFrame', () => { callbacks = []; });
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  return {
    setNow: (at) => { now = at; },
    frame: (at) => { now = at; const due = callbacks; callbacks = []; due.forEach((cb) => cb(at)); },
  };
}

/** A playing cine at `fps` whose pictures finish drawing when the test calls their finisher. */
function startCine(fps: number): { display: ReturnType<typeof fakeDisplay>; finishers: (() => void)[]; cine: Cine } {
  const display = fakeDisplay();
  const finishers: (() => void)[] = [];
  const cine = new Cine(() => new Promise<void>((resolve) => finishers.push(resolve)));
  cine.setFps(fps);
  cine.play();
  return { display, finishers, cine };
}

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe('Cine', () => {
  afterEach(() => { vi.unstubAllGlobals(); vi.restoreAllMocks(); });

  it('asks for the next picture as soon as the last is on screen when it is due, not a frame later', async () => {
    const { display, finishers, cine } = startCine(30);
    display.frame(40); // due: the first picture is asked for
    expect(finishers).toHaveLength(1);
    display.setNow(75); // drawn 35 ms later, in the viewer's own frame: the next one is due already
    finishers[0]?.();
    await settle();
    expect(finishers).toHaveLength(2);
    cine.pause();
  });

  it('never asks while a picture is still on its way, and keeps to the rate it was given', async () => {
    const { display, finishers, cine } = startCine(10);
    display.frame(100);
    display.frame(116);
    display.frame(133);
    expect(finishers).toHaveLength(1); // busy: nothing more asked for
    display.setNow(140);
    finishers[0]?.();
    await settle();
    expect(finishers).toHaveLength(1); // drawn, but the next is not due until about 192 ms
    display.frame(150);
    expect(finishers).toHaveLength(1);
    display.frame(200);
    expect(finishers).toHaveLength(2);
    cine.pause();
  });
});
