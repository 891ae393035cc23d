/**
 * A 300 MB file through the browser host's byte route: it arrives byte-exact, and the server never
 * runs ahead of the reader. Bytes in flight (decrypted by the core but not yet received) are
 * counted, not timed; a pause in the middle shows the core stops decrypting while nobody reads.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/log';
import { makeByteVault, type ByteVault } from '../../test-support/bytes/byte-vault';
import { storeLargeInstance } from '../../test-support/bytes/large-instance';
import type { ByteSource } from '../common/byte-route';
import { startBrowserHost, type BrowserHost } from './browser-host';

const SIZE = 300 * 1024 * 1024;
const MiB = 1024 * 1024;
/**
 * What the kernel may hold between the two sockets (Linux autotunes a loopback receive buffer up
 * to tcp_rmem's max, 32 MiB here, plus 4 MiB of send buffer) and a few chunks in Node's streams.
 * It does not grow with the file; a route that ignored backpressure would be ~100+ MiB over.
 */
const MAX_IN_FLIGHT = 48 * MiB;

describe('browser host: a 300 MB file', () => {
  let vault: ByteVault;
  let host: BrowserHost;
  let large: { id: number; sha256: string };
  let produced = 0;

  beforeAll(async () => {
    vault = await makeByteVault();
    large = await storeLargeInstance(vault.core.requireVault(), SIZE);
    // Counts bytes as they leave the core's stream (pulled, so backpressure is unchanged).
    const counting: ByteSource = {
      openBytes: async (ref) => {
        const opened = await vault.core.openBytes(ref);
        return {
          ...opened,
          stream: async (start, end) => {
            const inner = await opened.stream(start, end);
            return Readable.from((async function* () {
              for await (const chunk of inner as AsyncIterable<Buffer>) {
                produced += chunk.length;
                yield chunk;
              }
            })(), { objectMode: false, highWaterMark: 64 * 1024 });
          },
        };
      },
    };
    host = await startBrowserHost({
      staticDir: mkdtempSync(path.join(os.tmpdir(), 'sv-static-')), log: silentLogger,
      dispatch: async () => ({ ok: true, value: null }), bytes: counting,
    });
  }, 180_000);
  afterAll(async () => {
    await host.close();
    await vault.cleanup();
  });

  it('streams byte-exact with a bounded number of bytes in flight', async () => {
    const hash = createHash('sha256');
    let received = 0;
    let maxInFlight = 0;
    let inFlightWhilePaused = -1;
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    await new Promise<void>((resolve, reject) => {
      const req = httpGet({
        host: '127.0.0.1', port: host.port, path: `/bytes/instance/${large.id}`,
        headers: { Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.secret}` },
      }, (res) => {
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-length']).toBe(String(SIZE));
        res.on('data', (chunk: Buffer) => {
          received += chunk.length;
          hash.update(chunk);
          maxInFlight = Math.max(maxInFlight, produced - received);
          if (received % (16 * MiB) < chunk.length) rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
          if (inFlightWhilePaused < 0 && received >= 100 * MiB) {
            // Stop reading for a while: a route without backpressure would decrypt ahead meanwhile.
            res.pause();
            inFlightWhilePaused = 0;
            setTimeout(() => {
              inFlightWhilePaused = produced - received;
              res.resume();
            }, 500);
          }
        });
        res.on('end', () => (res.complete ? resolve() : reject(new Error('cut short'))));
        res.on('error', reject);
      });
      req.on('error', reject);
    });
    expect(received).toBe(SIZE);
    expect(hash.digest('hex')).toBe(large.sha256);
    expect(inFlightWhilePaused).toBeGreaterThanOrEqual(0);
    expect(inFlightWhilePaused).toBeLessThanOrEqual(MAX_IN_FLIGHT);
    expect(maxInFlight).toBeLessThanOrEqual(MAX_IN_FLIGHT);
    // For the record (not asserted: RSS depends on the GC): growth while 300 MB went through.
    console.info(`large stream: in flight max ${(maxInFlight / MiB).toFixed(1)} MiB, while paused ${(inFlightWhilePaused / MiB).toFixed(1)} MiB, RSS growth ${((rssPeak - rssBefore) / MiB).toFixed(0)} MiB`);
  }, 180_000);

  it('serves the last bytes of the large file without reading it from the start', async () => {
    produced = 0;
    const body = await new Promise<Buffer>((resolve, reject) => {
      httpGet({
        host: '127.0.0.1', port: host.port, path: `/bytes/instance/${large.id}`,
        headers: { Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.secret}`, Range: 'bytes=-4096' },
      }, (res) => {
        expect(res.statusCode).toBe(206);
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => resolve(Buffer.concat(parts)));
        res.on('error', reject);
      }).on('error', reject);
    });
    expect(body.length).toBe(4096);
    expect(produced).toBe(4096);
  });

  it('locking in the middle of the file breaks the connection: no plaintext flows after lock', async () => {
    const result = await new Promise<{ received: number; complete: boolean }>((resolve, reject) => {
      httpGet({
        host: '127.0.0.1', port: host.port, path: `/bytes/instance/${large.id}`,
        headers: { Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.secret}` },
      }, (res) => {
        let received = 0;
        let locking = false;
        res.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (!locking && received >= 20 * MiB) {
            locking = true;
            res.pause();
            void vault.core.lock().then(() => res.resume());
          }
        });
        res.on('close', () => resolve({ received, complete: res.complete }));
        res.on('error', () => undefined);
      }).on('error', reject);
    });
    expect(result.complete).toBe(false);
    expect(result.received).toBeLessThan(20 * MiB + MAX_IN_FLIGHT);
  });
});
