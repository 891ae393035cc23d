import { describe, expect, it } from 'vitest';
import { CoreError } from '../core-error';
import { JobRunner } from './job-runner';

describe('JobRunner', () => {
  it('computes rate and ETA from progress and keeps the result', async () => {
    let t = 0;
    const runner = new JobRunner(() => t);
    const id = runner.start('import', async (_signal, progress) => {
      progress.set({ phase: 'working', bytesTotal: 1000, filesTotal: 10 });
      t = 2000;
      progress.set({ bytesDone: 400, filesDone: 4 });
      return 'result';
    }, (job, r) => { job.importReport = { batchId: r.length } as never; });
    const mid = runner.get(id);
    expect(mid.progress.bytesPerSecond).toBe(200);
    expect(mid.progress.etaSeconds).toBe(3);
    const done = await runner.waitFor(id);
    expect(done.state).toBe('done');
    expect(done.importReport).toEqual({ batchId: 6 });
  });

  it('runs one job at a time', () => {
    const runner = new JobRunner();
    runner.start('verify', () => new Promise(() => undefined), () => undefined);
    expect(() => runner.start('import', async () => 1, () => undefined)).toThrow(CoreError);
  });

  it('cancels through the abort signal and reports failures with their code', async () => {
    const runner = new JobRunner();
    const id = runner.start('import', (signal) => new Promise((resolve) => signal.addEventListener('abort', () => resolve(1))), () => undefined);
    expect((await runner.cancel(id)).state).toBe('cancelled');
    const failing = runner.start('verify', async () => { throw new CoreError('BLOB_MISSING'); }, () => undefined);
    const job = await runner.waitFor(failing);
    expect(job.state).toBe('failed');
    expect(job.error?.code).toBe('BLOB_MISSING');
  });
});
