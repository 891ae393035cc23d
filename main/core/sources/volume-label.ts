import { readFileSync } from 'node:fs';
import { posix } from 'node:path';

/**
 * Best-effort volume label, without privileged tools: desktop Linux mounts removable media at
 * /media/<user>/<LABEL> or /run/media/<user>/<LABEL> (udisks names the folder after the label),
 * macOS at /Volumes/<LABEL>. The mount point is taken from /proc/self/mountinfo when it can be read,
 * so a folder chosen deep inside the disc still gives the disc's label.
 */
export function labelFromMountPath(realPath: string, mountPoints: string[]): string | null {
  const mount = longestContainingMount(realPath, mountPoints);
  if (mount && /^\/(run\/)?media\/./.test(mount)) return posix.basename(mount) || null;
  const udisks = /^\/(?:run\/)?media\/[^/]+\/([^/]+)/.exec(realPath);
  if (udisks && mountPoints.length === 0) return udisks[1] ?? null;
  const mac = /^\/Volumes\/([^/]+)/.exec(realPath);
  return mac?.[1] ?? null;
}

function longestContainingMount(path: string, mountPoints: string[]): string | null {
  let best: string | null = null;
  for (const mount of mountPoints) {
    const inside = path === mount || path.startsWith(mount.endsWith('/') ? mount : mount + '/');
    if (inside && mount !== '/' && (best === null || mount.length > best.length)) best = mount;
  }
  return best;
}

/** Mount points from /proc/self/mountinfo text (field 5, with the kernel's octal escapes undone). */
export function parseMountInfo(text: string): string[] {
  const mounts: string[] = [];
  for (const line of text.split('\n')) {
    const field = line.split(' ')[4];
    if (field) mounts.push(field.replace(/\\([0-7]{3})/g, (_m, oct: string) => String.fromCharCode(parseInt(oct, 8))));
  }
  return mounts;
}

export function readMountPoints(): string[] {
  if (process.platform !== 'linux') return [];
  try {
    return parseMountInfo(readFileSync('/proc/self/mountinfo', 'utf8'));
  } catch {
    return [];
  }
}

/** The `label=` line of an autorun.inf's [autorun] section, which some hospital discs set. */
export function labelFromAutorun(text: string): string | null {
  let inAutorun = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      inAutorun = (section[1] ?? '').trim().toLowerCase() === 'autorun';
      continue;
    }
    const label = inAutorun ? /^label\s*=\s*(.*)$/i.exec(line) : null;
    const value = label?.[1]?.trim().replace(/^"(.*)"$/, '$1');
    if (value) return value;
  }
  return null;
}
