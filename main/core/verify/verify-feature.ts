/** The verify feature's handlers: a check of the whole vault, run as a job. */
import type { ApiOutput, ApiParsedInput } from '../../../shared/api';
import type { VerifyReport } from '../../../shared/domain';
import type { JobRunner } from '../jobs/job-runner';
import type { OpenVault } from '../vault/vault';
import { runVerify } from './run-verify';

export class VerifyFeature {
  constructor(private readonly vault: () => OpenVault, private readonly jobs: JobRunner) {}

  async startVerify(input: ApiParsedInput<'startVerify'>): Promise<ApiOutput<'startVerify'>> {
    const vault = this.vault();
    const jobId = this.jobs.start<VerifyReport>(
      'verify',
      (signal, progress) => runVerify(vault, { signal, progress, anchor: input.anchor }),
      (job, report) => { job.verifyReport = report; },
    );
    return { jobId };
  }
}
