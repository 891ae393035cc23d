/**
 * Cine: shows the next picture at a set rate. Driven by animation frames, and a new picture is
 * asked for only when the last one is on screen, so a slow machine plays slower instead of
 * queueing work; `onFrame` learns each frame's real duration (the benchmark reads it).
 */
import { clampFps, DEFAULT_FPS } from './view-state';

/** Timestamps (ms) of recent events, and their rate per second over the window they span. */
export class RateWindow {
  private times: number[] = [];

  constructor(private readonly spanMs = 1000) {}

  add(at: number): void {
    this.times.push(at);
    while (this.times.length > 2 && at - (this.times[0] ?? at) > this.spanMs) this.times.shift();
  }

  clear(): void {
    this.times = [];
  }

  rate(): number | null {
    const first = this.times[0];
    const last = this.times.at(-1);
    if (this.times.length < 2 || first === undefined || last === undefined || last <= first) return null;
    return ((this.times.length - 1) * 1000) / (last - first);
  }
}

export class Cine {
  private fpsValue = DEFAULT_FPS;
  private running = false;
  private busy = false;
  private last = 0;
  private handle = 0;
  /** When each of the last pictures was asked for, for the rate actually achieved. */
  private readonly starts = new RateWindow();

  constructor(private readonly step: () => Promise<void>, private readonly onFrame?: (ms: number) => void) {}

  get fps(): number {
    return this.fpsValue;
  }

  /** Pictures per second actually shown over the last second or so; null until two were shown. */
  get achievedFps(): number | null {
    return this.running ? this.starts.rate() : null;
  }

  get playing(): boolean {
    return this.running;
  }

  setFps(fps: number): void {
    this.fpsValue = clampFps(fps);
  }

  play(): void {
    if (this.running) return;
    this.running = true;
    this.last = performance.now();
    this.starts.clear();
    this.handle = requestAnimationFrame(this.tick);
  }

  pause(): void {
    this.running = false;
    cancelAnimationFrame(this.handle);
  }

  private readonly tick = (now: number): void => {
    if (!this.running) return;
    this.stepIfDue(now);
    this.handle = requestAnimationFrame(this.tick);
  };

  /**
   * Asks for the next picture if it is time. Called on each animation frame and again as soon as a
   * picture is on screen: Cornerstone draws in an animation frame of its own, so waiting for the
   * next one to ask would cost a frame per picture and cap cine at half the display rate.
   */
  private stepIfDue(now: number): void {
    // Half a display frame of slack keeps 30 fps from drifting to 20 on a 60 Hz screen.
    if (this.busy || now - this.last < 1000 / this.fpsValue - 8) return;
    this.busy = true;
    const started = performance.now();
    this.last = now;
    this.starts.add(now);
    this.step().then(
      () => {
        this.busy = false;
        this.onFrame?.(performance.now() - started);
        if (this.running) this.stepIfDue(performance.now());
      },
      () => { this.busy = false; this.pause(); },
    );
  }
}
