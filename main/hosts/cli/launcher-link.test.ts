import { afterEach, describe, expect, it, vi } from 'vitest';
import { LAUNCHER_GONE_EXIT, watchLauncher, type LauncherProcess } from './launcher-link';

function fakeProcess(withChannel: boolean): LauncherProcess & { listeners: (() => void)[]; exits: number[]; disconnected: boolean } {
  const fake = {
    listeners: [] as (() => void)[],
    exits: [] as number[],
    disconnected: false,
    connected: withChannel,
    ...(withChannel ? { send: () => true } : {}),
    on: (_event: 'disconnect', l: () => void) => { fake.listeners.push(l); },
    off: (_event: 'disconnect', l: () => void) => { fake.listeners = fake.listeners.filter((x) => x !== l); },
    disconnect: () => { fake.disconnected = true; },
    exit: (code?: number): never => { fake.exits.push(code ?? 0); return undefined as never; },
  };
  return fake;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('watchLauncher', () => {
  it('does nothing when started directly by Node (no IPC channel)', () => {
    const proc = fakeProcess(false);
    const link = watchLauncher(proc);
    expect(proc.listeners).toHaveLength(0);
    link.release();
    expect(link.stop.aborted).toBe(false);
    expect(proc.disconnected).toBe(false);
  });

  it('stops the work when the launcher goes away, and exits if that takes too long', () => {
    vi.useFakeTimers();
    const proc = fakeProcess(true);
    const link = watchLauncher(proc);
    expect(link.stop.aborted).toBe(false);
    proc.listeners.forEach((l) => l());
    expect(link.stop.aborted).toBe(true);
    expect(proc.exitCode).toBe(LAUNCHER_GONE_EXIT);
    expect(proc.exits).toEqual([]);
    vi.runAllTimers();
    expect(proc.exits).toEqual([LAUNCHER_GONE_EXIT]);
  });

  it('lets go of the channel after a normal run, so the process can end', () => {
    const proc = fakeProcess(true);
    const link = watchLauncher(proc);
    link.release();
    expect(proc.listeners).toHaveLength(0);
    expect(proc.disconnected).toBe(true);
    expect(link.stop.aborted).toBe(false);
  });
});
