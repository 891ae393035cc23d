import { computePendingDigests } from './background-digests';
import type { Logger } from '../log';
import type { OpenVault } from '../vault/vault';

/**
 * Runs the background pass that fingerprints compressed images' pixels, one at a time. A request
 * while a pass runs makes it run once more afterwards, so images from an import that finished
 * mid-pass are not left pending. Stopping (at lock) aborts and waits, so no work touches a closed vault.
 */
export class DigestPassRunner {
  private running: { controller: AbortController; done: Promise<void> } | null = null;
  private again = false;

  constructor(private readonly log: Logger) {}

  request(vault: OpenVault): void {
    if (this.running) {
      this.again = true;
      return;
    }
    const controller = new AbortController();
    const done = computePendingDigests(vault, { signal: controller.signal, log: this.log })
      .then(() => undefined, () => this.log.warn('digests.pass-failed', {}, 'INTERNAL'))
      .finally(() => {
        this.running = null;
        if (this.again && !controller.signal.aborted && vault.isOpen) {
          this.again = false;
          this.request(vault);
        }
      });
    this.running = { controller, done };
  }

  /** Resolves when no pass is running or queued. */
  async idle(): Promise<void> {
    while (this.running) await this.running.done;
  }

  async stop(): Promise<void> {
    this.again = false;
    const running = this.running;
    if (!running) return;
    running.controller.abort();
    await running.done;
  }
}
