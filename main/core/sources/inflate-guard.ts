import { RATIO_GRACE_BYTES } from './limits';
import { SourceReadError } from './messages';
import type { ZipLimits } from './types';

/**
 * Bytes actually inflated from one archive (and the archives nested in it). Each entry is charged
 * its largest output so far, so reading an entry twice is not counted twice.
 */
export class ArchiveLedger {
  private readonly perEntry = new Map<object, number>();
  private total = 0;
  /** Declared sizes accepted so far, checked while listing. */
  declaredTotal = 0;
  /** Entries counted so far, the outer archive's and the nested ones'. */
  entryCount = 0;

  constructor(private readonly maxTotal: number) {}

  charge(entryKey: object, bytesSoFar: number): void {
    const previous = this.perEntry.get(entryKey) ?? 0;
    if (bytesSoFar <= previous) return;
    this.total += bytesSoFar - previous;
    this.perEntry.set(entryKey, bytesSoFar);
    if (this.total > this.maxTotal) throw new SourceReadError('ZIP_TOTAL_TOO_LARGE');
  }
}

/**
 * Watches one entry while it inflates, whatever its headers claim: the output may not pass the
 * per-entry limit, the archive total, the declared size, nor (past a small grace) the allowed
 * ratio of output to compressed input consumed so far. A bomb is stopped after at most
 * RATIO_GRACE_BYTES of output, and a lying declared size stops it even earlier.
 */
export class InflateGuard {
  private inputBytes = 0;
  private outputBytes = 0;

  constructor(
    private readonly entryKey: object,
    private readonly declaredSize: number,
    private readonly limits: ZipLimits,
    private readonly ledger: ArchiveLedger,
  ) {}

  onInput(bytes: number): void {
    this.inputBytes += bytes;
  }

  onOutput(bytes: number): void {
    this.outputBytes += bytes;
    const out = this.outputBytes;
    if (out > this.limits.maxEntryUncompressed) throw new SourceReadError('ZIP_ENTRY_TOO_LARGE');
    if (out > RATIO_GRACE_BYTES && out > this.inputBytes * this.limits.maxCompressionRatio) {
      throw new SourceReadError('ZIP_ENTRY_RATIO');
    }
    this.ledger.charge(this.entryKey, out);
    if (out > this.declaredSize) throw new SourceReadError('ZIP_ENTRY_CORRUPT');
  }

  /** The entry must end exactly at its declared size. */
  finish(): number {
    if (this.outputBytes !== this.declaredSize) throw new SourceReadError('ZIP_ENTRY_CORRUPT');
    return this.outputBytes;
  }
}
