/**
 * The import feature's handlers: browser uploads, imports as jobs, and the background pass that
 * fingerprints compressed images' pixels after each import and at unlock.
 */
import type { ApiOutput, ApiParsedInput } from '../../../shared/api';
import type { ImportReport } from '../../../shared/domain';
import { CoreError } from '../core-error';
import type { JobRunner } from '../jobs/job-runner';
import type { Logger } from '../log';
import type { OpenVault } from '../vault/vault';
import { DigestPassRunner } from './digest-pass-runner';
import { runImport } from './run-import';
import { UploadStaging } from './upload-staging';

export class ImportFeature {
  readonly uploads = new UploadStaging();
  private readonly digestPass: DigestPassRunner;

  constructor(
    private readonly vault: () => OpenVault,
    private readonly jobs: JobRunner,
    private readonly log: Logger,
  ) {
    this.digestPass = new DigestPassRunner(log);
  }

  /** Only the desktop host can show a file picker; it overrides this handler. */
  async pickImportPaths(): Promise<ApiOutput<'pickImportPaths'>> {
    throw new CoreError('BAD_REQUEST', 'Choosing files with a dialog is only available in the desktop app. Type or paste the path instead.');
  }

  async beginUpload(): Promise<ApiOutput<'beginUpload'>> {
    this.vault();
    return { uploadId: this.uploads.begin() };
  }

  async startImport(input: ApiParsedInput<'startImport'>): Promise<ApiOutput<'startImport'>> {
    const vault = this.vault();
    const source = input.uploadId !== undefined
      ? { kind: 'upload' as const, files: this.uploads.take(input.uploadId) }
      : { kind: 'paths' as const, paths: input.paths ?? [] };
    const jobId = this.jobs.start<ImportReport>(
      'import',
      (signal, progress) => runImport(vault, source, input.provenance, { signal, progress, log: this.log }),
      (job, report) => {
        job.importReport = report;
        this.digestPass.request(vault);
      },
    );
    return { jobId };
  }

  /** A vault was opened: fingerprint what an earlier session left pending. */
  opened(vault: OpenVault): void {
    this.digestPass.request(vault);
  }

  /** Waits until the background fingerprinting of compressed images is done (the CLI waits for it). */
  async backgroundIdle(): Promise<void> {
    await this.digestPass.idle();
  }

  /** Before the vault closes: stop the background pass and drop staged uploads. */
  async stop(): Promise<void> {
    await this.digestPass.stop();
    this.uploads.clear();
  }
}
