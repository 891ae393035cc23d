/**
 * Entry of a prepare worker thread (scripts/build.mjs bundles it beside each host bundle). It does
 * the CPU-heavy half of importing a file: SHA-256, parsing, frame and dataset digests, encryption
 * and writing the blob file. It has no database: the main thread indexes what it reports, after
 * adopting its blobs so they are durable before any row names them (see worker-blob-writer.ts).
 */
import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { dangerousAsKey, zeroizeKey, type BlobWrappingKey } from '../crypto/secret-keys';
import { VaultError } from '../vault/errors';
import { KnownDigests } from './known-digests';
import { prepareBytes, type PrepareDeps } from './prepare-file';
import { PREPARE_WORKER_ROLE, asBuffer, revivePrepared, toWireError, type FromWorker, type PrepareWorkerData, type ToWorker } from './prepare-protocol';
import { WorkerBlobWriter } from './worker-blob-writer';

/** Answers 'prepare' messages on `port` until 'stop', which zeroes this thread's copy of the key. */
export function servePrepareRequests(port: MessagePort, data: PrepareWorkerData): void {
  // Never log this.
  let wrappingKey: BlobWrappingKey | null = dangerousAsKey<BlobWrappingKey>(asBuffer(data.wrappingKey));
  const known = new KnownDigests(data.knownDigests);
  const blobs = new WorkerBlobWriter(data.vaultDir, data.vaultId, () => {
    if (wrappingKey === null) throw new VaultError('VAULT_LOCKED');
    return wrappingKey;
  });
  const deps: PrepareDeps = { isKnown: (sha) => known.has(sha), writeBlob: (bytes, sha) => blobs.write(bytes, sha) };
  const reply = (message: FromWorker): void => port.postMessage(message);

  port.on('message', (message: ToWorker) => {
    if (message.type === 'stop') {
      if (wrappingKey !== null) zeroizeKey(wrappingKey);
      wrappingKey = null;
      reply({ type: 'stopped' });
      port.close();
      return;
    }
    const { jobId } = message;
    prepareBytes(deps, message.common, asBuffer(message.bytes)).then(
      (prepared) => reply({ type: 'prepared', jobId, prepared: revivePrepared(prepared) }),
      (error: unknown) => reply({ type: 'failed', jobId, error: toWireError(error) }),
    );
  });
}

const data = workerData as Partial<PrepareWorkerData> | null;
if (!isMainThread && parentPort !== null && data?.role === PREPARE_WORKER_ROLE) servePrepareRequests(parentPort, data as PrepareWorkerData);
