/** "Check a copy": compares outside files with the vault's originals, as a job (Job.compareReport). */
import type { ApiOutput, ApiParsedInput } from '../../../shared/api';
import type { CompareReport } from '../../../shared/compare/compare-report';
import type { UploadStaging } from '../import/upload-staging';
import type { JobRunner } from '../jobs/job-runner';
import type { OpenVault } from '../vault/vault';
import { CopyStore } from './copy-store';
import type { ExportUidLookup } from './find-original';
import { runCompare, type CompareSource } from './run-compare';

export interface CompareFeatureOptions {
  /** Keep compared copies in memory for the side-by-side view (not in the one-shot CLI). */
  keepCopies: boolean;
  /** From the share feature, made fresh for each compare (shares may have been added): recognises copies of the vault's own de-identified exports. */
  exportUidLookup?: () => ExportUidLookup;
}

export class CompareFeature {
  readonly copies = new CopyStore();

  constructor(
    private readonly vault: () => OpenVault,
    private readonly jobs: JobRunner,
    private readonly uploads: UploadStaging,
    private readonly opts: CompareFeatureOptions,
  ) {}

  async startCompare(input: ApiParsedInput<'startCompare'>): Promise<ApiOutput<'startCompare'>> {
    const vault = this.vault();
    const exportUidLookup = this.opts.exportUidLookup?.();
    const source: CompareSource = input.uploadId !== undefined
      ? { kind: 'upload', files: this.uploads.take(input.uploadId) }
      : { kind: 'paths', paths: input.paths ?? [] };
    const jobId = this.jobs.start<CompareReport>(
      'compare',
      (signal, progress) => runCompare(vault, source, {
        signal, progress, copies: this.opts.keepCopies ? this.copies : undefined, exportUidLookup,
      }),
      (job, report) => { job.compareReport = report; },
    );
    return Promise.resolve({ jobId });
  }

  /** An outside copy kept from a compare (byte channel), or null when it is gone. */
  copy(copyId: number): Uint8Array | null {
    return this.copies.get(copyId);
  }

  /** The vault is locking: nothing of the outside copies stays in memory. */
  clear(): void {
    this.copies.clear();
  }
}
