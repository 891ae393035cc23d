import { randomBytes } from 'node:crypto';
import type { Job, Progress } from '../../../shared/domain';
import { apiError, type ApiError } from '../../../shared/errors';
import { CoreError, toCoreError } from '../core-error';

export type JobKind = Job['kind'];

/** Progress reporting handed to long work; rate and ETA are computed here, once, for every host. */
export interface ProgressSink {
  set(update: Partial<Omit<Progress, 'bytesPerSecond' | 'etaSeconds'>>): void;
}

interface RunningJob {
  job: Job;
  controller: AbortController;
  startedAt: number;
  done: Promise<void>;
}

const EMPTY_PROGRESS: Progress = {
  phase: 'scanning', filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0, bytesPerSecond: 0, etaSeconds: null,
};

/** Runs one long job at a time (import or verify) and keeps finished ones for the UI to read. */
export class JobRunner {
  private readonly jobs = new Map<string, RunningJob>();

  constructor(private readonly now: () => number = Date.now) {}

  get active(): RunningJob | undefined {
    return [...this.jobs.values()].find((j) => j.job.state === 'running');
  }

  start<R>(
    kind: JobKind,
    work: (signal: AbortSignal, progress: ProgressSink) => Promise<R>,
    store: (job: Job, result: R) => void,
  ): string {
    if (this.active) throw new CoreError('JOB_RUNNING');
    const jobId = randomBytes(12).toString('hex');
    const controller = new AbortController();
    const job: Job = { jobId, kind, state: 'running', progress: { ...EMPTY_PROGRESS } };
    const startedAt = this.now();
    const sink: ProgressSink = { set: (u) => this.updateProgress(job, startedAt, u) };
    const done = work(controller.signal, sink).then(
      (result) => {
        store(job, result);
        job.state = controller.signal.aborted ? 'cancelled' : 'done';
        job.progress.etaSeconds = 0;
      },
      (err: unknown) => {
        const e = toCoreError(err);
        job.state = e.code === 'CANCELLED' ? 'cancelled' : 'failed';
        job.error = apiError(e.code, e.message) satisfies ApiError;
      },
    );
    this.jobs.set(jobId, { job, controller, startedAt, done });
    this.forgetOldJobs();
    return jobId;
  }

  get(jobId: string): Job {
    const entry = this.jobs.get(jobId);
    if (!entry) throw new CoreError('NOT_FOUND');
    return structuredClone(entry.job);
  }

  async cancel(jobId: string): Promise<Job> {
    const entry = this.jobs.get(jobId);
    if (!entry) throw new CoreError('NOT_FOUND');
    entry.controller.abort();
    await entry.done;
    return structuredClone(entry.job);
  }

  /** Cancels whatever runs and waits for it to stop (used before locking). */
  async cancelAll(): Promise<void> {
    const running = this.active;
    if (running) {
      running.controller.abort();
      await running.done;
    }
  }

  async waitFor(jobId: string): Promise<Job> {
    const entry = this.jobs.get(jobId);
    if (!entry) throw new CoreError('NOT_FOUND');
    await entry.done;
    return structuredClone(entry.job);
  }

  clear(): void {
    this.jobs.clear();
  }

  private updateProgress(job: Job, startedAt: number, update: Partial<Progress>): void {
    Object.assign(job.progress, update);
    const seconds = Math.max((this.now() - startedAt) / 1000, 0.001);
    const p = job.progress;
    p.bytesPerSecond = p.bytesDone / seconds;
    const remaining = p.bytesTotal - p.bytesDone;
    p.etaSeconds = p.bytesPerSecond > 0 && p.bytesDone > 0 ? Math.max(0, Math.round(remaining / p.bytesPerSecond)) : null;
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs.entries()].filter(([, j]) => j.job.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - 20))) this.jobs.delete(id);
  }
}
