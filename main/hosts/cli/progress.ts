import type { Progress } from '../../../shared/domain';

/** Formats progress as one line for stderr: files, bytes, rate and time left. */
export function formatProgress(p: Progress): string {
  const pct = p.bytesTotal > 0 ? Math.floor((p.bytesDone / p.bytesTotal) * 100) : 0;
  const eta = p.etaSeconds === null ? '' : `, about ${formatDuration(p.etaSeconds)} left`;
  // Every job starts in 'scanning' with nothing counted; only import really looks through files first.
  if (p.phase === 'scanning') return p.filesTotal === 0 ? 'Starting…' : `Looking through the files… ${p.filesTotal} found`;
  return `${pct}% — ${p.filesDone} of ${p.filesTotal} files, ${formatBytes(p.bytesDone)} of ${formatBytes(p.bytesTotal)} (${formatBytes(p.bytesPerSecond)}/s${eta})`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${Math.round(n)} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i] ?? 'TB'}`;
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  const m = Math.floor(seconds / 60);
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** Writes progress to stderr, overwriting one line on a terminal and throttled otherwise. */
export function createProgressPrinter(stderr: NodeJS.WriteStream, intervalMs = 1000): { update(p: Progress): void; end(): void } {
  let last = 0;
  let wrote = false;
  return {
    update(p) {
      const now = Date.now();
      if (stderr.isTTY) {
        stderr.write(`\r\x1b[K${formatProgress(p)}`);
        wrote = true;
      } else if (now - last >= intervalMs) {
        stderr.write(`${formatProgress(p)}\n`);
        last = now;
      }
    },
    end() {
      if (wrote) stderr.write('\n');
    },
  };
}
