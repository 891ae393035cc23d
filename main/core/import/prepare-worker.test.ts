import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { FAST_KDF, makeDicom } from '../../test-support/dicom-fixtures';
import { createVault } from '../vault/vault';
import type { FromWorker, PrepareWorkerData, ToWorker } from './prepare-protocol';
import { PREPARE_WORKER_ROLE, revivePrepared } from './prepare-protocol';
import { servePrepareRequests } from './prepare-worker';

// The worker's message loop, run in this thread over a MessageChannel so the test can see its memory.
let root = '';
let ports: MessagePort[] = [];
afterEach(() => {
  ports.forEach((p) => p.close());
  rmSync(root, { recursive: true, force: true });
});

function serve(data: PrepareWorkerData): { send: (m: ToWorker) => void; next: () => Promise<FromWorker> } {
  const { port1, port2 } = new MessageChannel();
  ports = [port1, port2];
  servePrepareRequests(port1, data);
  return {
    send: (m) => port2.postMessage(m),
    next: () => new Promise((resolve) => port2.once('message', resolve)),
  };
}

describe('prepare worker', () => {
  it('writes blobs the vault can read, and zeroes its copy of the key when told to stop', async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'sv-worker-'));
    const { vault } = await createVault({ dir: path.join(root, 'vault'), passphrase: 'pass phrase', ...FAST_KDF });
    const copy = vault.blobs.dangerousWorkerCopy();
    const worker = serve({ role: PREPARE_WORKER_ROLE, ...copy, knownDigests: new Uint8Array(0) });
    const bytes = makeDicom();
    worker.send({ type: 'prepare', jobId: 7, common: { path: 'IM1', size: bytes.length }, bytes: new Uint8Array(bytes) });
    const reply = await worker.next();
    if (reply.type !== 'prepared' || reply.prepared.kind !== 'instance') throw new Error(`unexpected reply ${reply.type}`);
    expect(reply.jobId).toBe(7);
    const prepared = revivePrepared(reply.prepared);
    if (prepared.kind !== 'instance') throw new Error('kind');
    expect((await vault.blobs.readAll(prepared.blob.blobId)).equals(bytes)).toBe(true);

    expect(copy.wrappingKey.some((b) => b !== 0)).toBe(true);
    worker.send({ type: 'stop' });
    expect(await worker.next()).toEqual({ type: 'stopped' });
    expect(copy.wrappingKey.every((b) => b === 0)).toBe(true);
    vault.close();
  });

  it('reports a file it could not prepare with the error code', async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'sv-worker-'));
    writeFileSync(path.join(root, 'a-file'), 'x');
    const worker = serve({
      role: PREPARE_WORKER_ROLE, vaultDir: path.join(root, 'a-file', 'vault'), vaultId: 'ab'.repeat(16),
      wrappingKey: new Uint8Array(32).fill(1), knownDigests: new Uint8Array(0),
    });
    const bytes = makeDicom();
    worker.send({ type: 'prepare', jobId: 1, common: { path: 'IM1', size: bytes.length }, bytes: new Uint8Array(bytes) });
    expect(await worker.next()).toMatchObject({ type: 'failed', jobId: 1, error: { code: 'ENOTDIR' } });
  });
});
