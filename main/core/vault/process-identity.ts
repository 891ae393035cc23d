import { readFileSync } from 'node:fs';

/**
 * Tells "the process that wrote this lock is still running" apart from "some other process now
 * has that pid". Pids are reused, so a lock left by a crash can name an unrelated live process;
 * where the system tells us when a process started (Linux /proc), the start time and boot id
 * identify it exactly. Elsewhere `start` is null and only the pid is known.
 */
export interface ProcessIdentity {
  pid: number;
  /** Start time in clock ticks since boot (/proc/<pid>/stat field 22), or null where unknown. */
  start: string | null;
  /** /proc/sys/kernel/random/boot_id: a start time only means something within one boot. */
  boot: string | null;
}

interface ProcStat { zombie: boolean; start: string | null }

function readProcStat(pid: number): ProcStat | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and ')': count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const start = fields[19];
    return { zombie: fields[0] === 'Z', start: start !== undefined && /^\d+$/.test(start) ? start : null };
  } catch {
    return null; // no /proc here, or the process is hidden from us
  }
}

export function processStart(pid: number): string | null {
  const stat = readProcStat(pid);
  return stat === null || stat.zombie ? null : stat.start;
}

export function bootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
  } catch {
    return null;
  }
}

export function currentIdentity(): ProcessIdentity {
  return { pid: process.pid, start: processStart(process.pid), boot: bootId() };
}

export type OwnerState = 'alive' | 'gone' | 'unknown-process';

/**
 * 'alive': the very process that took the lock runs. 'gone': it has ended (or the pid now belongs
 * to another process, or the computer restarted since). 'unknown-process': the pid runs but this
 * system cannot say whether it is the same process (no /proc, or the process is hidden from us).
 */
export function ownerState(owner: ProcessIdentity, pidExists: (pid: number) => boolean): OwnerState {
  const boot = bootId();
  if (owner.boot !== null && boot !== null && owner.boot !== boot) return 'gone';
  if (!pidExists(owner.pid)) return 'gone';
  const stat = readProcStat(owner.pid);
  if (stat?.zombie === true) return 'gone';
  if (owner.start === null || stat === null || stat.start === null) return 'unknown-process';
  return stat.start === owner.start ? 'alive' : 'gone';
}
