/**
 * Turns files sent through the browser host (held in memory only) into exactly the scan the path
 * importer makes of the same files on disk: zips opened in memory with the same limits, DICOMDIRs
 * used, disc furniture skipped, unsafe paths failed (see sources/scan-memory.ts).
 */
import { scanMemoryFiles } from '../sources/scan-memory';
import type { DicomdirParser, SourceScan, ZipLimits } from '../sources/types';
import type { StagedFile } from './upload-staging';

export interface UploadScanOptions {
  parseDicomdir: DicomdirParser;
  signal?: AbortSignal;
  limits?: Partial<ZipLimits>;
}

export async function scanUploads(files: StagedFile[], opts: UploadScanOptions): Promise<SourceScan> {
  return scanMemoryFiles(files, opts);
}
