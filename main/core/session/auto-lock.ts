/**
 * Locks the vault after a period without activity. Work in progress (an import, a check) counts
 * as activity: a patient who walks away during a long import comes back to a finished import.
 */
export class AutoLock {
  private timer: NodeJS.Timeout | null = null;
  private lastActivity: number;
  minutes = 0;

  constructor(
    private readonly lock: () => Promise<void>,
    private readonly busy: () => boolean,
    private readonly now: () => number = Date.now,
    private readonly checkEveryMs = 15_000,
  ) {
    this.lastActivity = now();
  }

  setMinutes(minutes: number): void {
    this.minutes = minutes;
  }

  touch(): void {
    this.lastActivity = this.now();
  }

  start(): void {
    this.stop();
    this.touch();
    this.timer = setInterval(() => void this.check(), this.checkEveryMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Exposed for tests; the interval calls it. */
  async check(): Promise<boolean> {
    if (this.minutes === 0) return false;
    if (this.busy()) {
      this.touch();
      return false;
    }
    if (this.now() - this.lastActivity < this.minutes * 60_000) return false;
    this.stop();
    await this.lock();
    return true;
  }
}
