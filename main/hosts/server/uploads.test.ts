import { mkdtempSync } from 'node:fs';
import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPLOAD_REASONS } from '../../../shared/api/upload';
import { UploadStaging, type UploadSink } from '../../core/import/upload-staging';
import { silentLogger } from '../../core/log';
import { startBrowserHost, type BrowserHost } from './browser-host';

interface Reply { status: number; body: { ok: boolean; reason?: string } }

const LIMITS = { maxFileBytes: 1000, maxUploadBytes: 1500, maxStagedBytes: 2000 };

describe('browser-host uploads', () => {
  let host: BrowserHost;
  let staging: UploadStaging;
  /** Told when the host reserved room for a file and when it gave it back. */
  const watch = { reserved: () => undefined as void, released: () => undefined as void };
  beforeAll(async () => {
    staging = new UploadStaging(LIMITS);
    const watched: UploadSink = {
      reserve: (m) => {
        const r = staging.reserve(m);
        if (!r.ok) return r;
        watch.reserved();
        const { reservation } = r;
        return { ok: true, reservation: { bytes: reservation.bytes, commit: () => reservation.commit(), release: () => { reservation.release(); watch.released(); } } };
      },
    };
    host = await startBrowserHost({
      staticDir: mkdtempSync(path.join(os.tmpdir(), 'sv-static-')), log: silentLogger, uploads: watched,
      dispatch: () => Promise.resolve({ ok: true, value: null }),
    });
  });
  afterAll(() => host.close());

  /** Starts a POST with these headers; `body` is written (and the request ended) only when given. */
  function post(target: string, headers: Record<string, string>, body?: Buffer): { req: ClientRequest; reply: Promise<Reply> } {
    const req = request({
      host: '127.0.0.1', port: host.port, method: 'POST', path: target,
      headers: { Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.secret}`, ...headers },
    });
    const reply = new Promise<Reply>((resolve, reject) => {
      req.on('response', (res: IncomingMessage) => {
        let data = '';
        res.on('data', (c: Buffer) => { data += c.toString(); });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(data) as Reply['body'] }));
      });
      req.on('error', reject);
    });
    if (body === undefined) req.flushHeaders();
    else req.end(body);
    return { req, reply };
  }

  const upload = (id: string, name: string, bytes: Buffer): Promise<Reply> =>
    post(`/upload/${id}?path=${encodeURIComponent(name)}`, { 'Content-Length': String(bytes.length) }, bytes).reply;

  /** Announces `length` bytes but never sends them: only an answer given before reading can arrive. */
  async function announceOnly(id: string, length: number): Promise<Reply> {
    const { req, reply } = post(`/upload/${id}?path=IM1`, { 'Content-Length': String(length) });
    try {
      return await reply;
    } finally {
      req.destroy();
    }
  }

  it('answers an unknown upload id with 404 and an oversized file with 413 before reading the body', async () => {
    expect(await announceOnly('0'.repeat(32), 5 * 1024 ** 3)).toEqual({ status: 404, body: { ok: false, reason: UPLOAD_REASONS.unknownUpload } });
    const id = staging.begin();
    expect(await announceOnly(id, 1001)).toEqual({ status: 413, body: { ok: false, reason: UPLOAD_REASONS.fileTooLarge } });
    expect(UPLOAD_REASONS.fileTooLarge).toContain('1 GB');
  });

  it('validates the metadata: a safe id, a path, a Content-Length', async () => {
    const id = staging.begin();
    expect((await upload('not-an-id', 'IM1', Buffer.from('x'))).status).toBe(400);
    expect((await upload(id, 'a\0b', Buffer.from('x'))).status).toBe(400);
    expect((await post(`/upload/${id}`, { 'Content-Length': '1' }, Buffer.from('x')).reply).status).toBe(400);
    const chunked = post(`/upload/${id}?path=IM1`, { 'Transfer-Encoding': 'chunked' }, Buffer.from('x'));
    expect(await chunked.reply).toEqual({ status: 411, body: { ok: false, reason: UPLOAD_REASONS.noLength } });
    expect(staging.take(id)).toEqual([]);
  });

  it('stores the exact bytes and enforces the per-upload and all-uploads limits', async () => {
    const [a, b, c] = [staging.begin(), staging.begin(), staging.begin()];
    const bytes = Buffer.from(Array.from({ length: 900 }, (_, i) => i & 0xff));
    expect((await upload(a, 'A/IM1', bytes)).status).toBe(200);
    expect(await upload(a, 'A/IM2', bytes)).toEqual({ status: 413, body: { ok: false, reason: UPLOAD_REASONS.uploadTooLarge } });
    expect((await upload(b, 'B/IM1', bytes)).status).toBe(200);
    expect(await upload(c, 'C/IM1', Buffer.alloc(300))).toEqual({ status: 413, body: { ok: false, reason: UPLOAD_REASONS.stagingFull } });
    const taken = staging.take(a);
    expect(taken.map((f) => [f.relativePath, f.bytes.equals(bytes)])).toEqual([['A/IM1', true]]);
    // Taking upload A gave its room back.
    expect((await upload(c, 'C/IM1', Buffer.alloc(300))).status).toBe(200);
    staging.take(b);
    staging.take(c);
  });

  it('gives the room back when a body stops arriving half-way', async () => {
    const id = staging.begin();
    const reservedNow = new Promise<void>((resolve) => { watch.reserved = resolve; });
    const releasedNow = new Promise<void>((resolve) => { watch.released = resolve; });
    const { req, reply } = post(`/upload/${id}?path=IM1`, { 'Content-Length': '1000' });
    reply.catch(() => undefined);
    req.write(Buffer.alloc(400));
    await reservedNow;
    req.destroy();
    await releasedNow;
    // The cut-off file is not kept, and its room is free again for a whole one.
    const other = staging.begin();
    expect((await upload(other, 'IM1', Buffer.alloc(1000))).status).toBe(200);
    expect(staging.take(id)).toEqual([]);
    staging.take(other);
  });
});
