import { describe, expect, it } from 'vitest';
import { ArchiveLedger, InflateGuard } from './inflate-guard';
import { DEFAULT_ZIP_LIMITS, RATIO_GRACE_BYTES } from './limits';
import { SourceReadError } from './messages';
import type { ZipLimits } from './types';

const MiB = 1024 * 1024;

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof SourceReadError ? err.code : 'not a SourceReadError';
  }
}

function guard(declared: number, limits: Partial<ZipLimits> = {}, ledger = new ArchiveLedger(1e15)): InflateGuard {
  return new InflateGuard({}, declared, { ...DEFAULT_ZIP_LIMITS, ...limits }, ledger);
}

describe('ArchiveLedger', () => {
  it('charges each entry its largest output, so a second read is not counted twice', () => {
    const ledger = new ArchiveLedger(100);
    const a = {};
    ledger.charge(a, 60);
    ledger.charge(a, 60);
    ledger.charge(a, 40);
    expect(codeOf(() => ledger.charge({}, 40))).toBe(null);
    expect(codeOf(() => ledger.charge({}, 1))).toBe('ZIP_TOTAL_TOO_LARGE');
  });
});

describe('InflateGuard', () => {
  it('judges the ratio of output to input consumed so far, only past the grace', () => {
    const g = guard(1e12);
    g.onInput(1000);
    expect(codeOf(() => g.onOutput(RATIO_GRACE_BYTES))).toBe(null);
    expect(codeOf(() => g.onOutput(1))).toBe('ZIP_ENTRY_RATIO');
  });

  it('lets output through while the ratio stays within the limit', () => {
    const g = guard(1e12, { maxCompressionRatio: 200 });
    g.onInput(100 * 1024);
    expect(codeOf(() => g.onOutput(200 * 100 * 1024))).toBe(null);
    expect(codeOf(() => g.onOutput(1))).toBe('ZIP_ENTRY_RATIO');
  });

  it('stops an entry past the per-entry limit', () => {
    const g = guard(1e12, { maxEntryUncompressed: 10 * MiB });
    g.onInput(10 * MiB);
    expect(codeOf(() => g.onOutput(10 * MiB))).toBe(null);
    expect(codeOf(() => g.onOutput(1))).toBe('ZIP_ENTRY_TOO_LARGE');
  });

  it('stops when the archive total is passed while inflating', () => {
    const ledger = new ArchiveLedger(5000);
    ledger.charge({}, 4000);
    const g = guard(1e12, {}, ledger);
    g.onInput(2000);
    expect(codeOf(() => g.onOutput(1000))).toBe(null);
    expect(codeOf(() => g.onOutput(1))).toBe('ZIP_TOTAL_TOO_LARGE');
  });

  it('stops an entry that produces more than it declared, and one that ends short', () => {
    const more = guard(100);
    more.onInput(50);
    expect(codeOf(() => more.onOutput(100))).toBe(null);
    expect(codeOf(() => more.onOutput(1))).toBe('ZIP_ENTRY_CORRUPT');

    const short = guard(100);
    short.onInput(50);
    short.onOutput(99);
    expect(codeOf(() => short.finish())).toBe('ZIP_ENTRY_CORRUPT');
    short.onOutput(1);
    expect(short.finish()).toBe(100);
  });
});
