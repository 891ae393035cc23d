import { createHash } from 'node:crypto';
import { openSync, readSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/log';
import { onePagePdf } from '../../test-support/ai-record/documents';
import { BYTE_VAULT_PASSPHRASE, makeByteVault, type ByteVault } from '../../test-support/bytes/byte-vault';
import { startBrowserHost, type BrowserHost } from './browser-host';

interface Reply { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer; aborted: boolean }

/** One request; `aborted` is true when the connection broke before the body ended cleanly. */
function get(port: number, urlPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: urlPath, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const parts: Buffer[] = [];
      let done = false;
      const finish = (aborted: boolean): void => {
        if (done) return;
        done = true;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts), aborted });
      };
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => finish(!res.complete));
      res.on('aborted', () => finish(true));
      res.on('error', () => finish(true));
      res.on('close', () => finish(!res.complete));
    });
    req.on('error', reject);
    req.end();
  });
}

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

describe('browser host: the byte route', () => {
  let vault: ByteVault;
  let host: BrowserHost;
  let bigId: number;
  let smallId: number;
  let pdfId: number;
  const auth = (): Record<string, string> => ({ Authorization: `Bearer ${host.secret}` });

  beforeAll(async () => {
    vault = await makeByteVault();
    const dispatch = async (): Promise<never> => { throw new Error('not used'); };
    host = await startBrowserHost({ staticDir: mkdtempSync(path.join(os.tmpdir(), 'sv-static-')), log: silentLogger, dispatch, bytes: vault.core });
    const bySize = [...vault.instances.entries()].sort((a, b) => a[1].length - b[1].length);
    smallId = bySize[0]![0];
    bigId = bySize[1]![0];
    pdfId = [...vault.attachments.keys()][0]!;
  }, 60_000);
  afterAll(async () => {
    await host.close();
    await vault.cleanup();
  });

  it('needs the secret (401) and refuses foreign Host and Origin headers (403)', async () => {
    expect((await get(host.port, `/bytes/instance/${smallId}`)).status).toBe(401);
    expect((await get(host.port, `/bytes/instance/${smallId}`, { Authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await get(host.port, `/bytes/instance/${smallId}`, { ...auth(), Host: 'evil.example' })).status).toBe(403);
    expect((await get(host.port, `/bytes/instance/${smallId}`, { ...auth(), Origin: 'http://evil.example' })).status).toBe(403);
    const cookie = { Cookie: `sv_session_${host.port}=${host.secret}`, Origin: `http://127.0.0.1:${host.port}` };
    expect((await get(host.port, `/bytes/instance/${smallId}`, cookie)).status).toBe(200);
  });

  it('sends an instance byte-exact with the promised headers', async () => {
    for (const [id, original] of vault.instances) {
      const r = await get(host.port, `/bytes/instance/${id}`, auth());
      expect(r.status).toBe(200);
      expect(r.aborted).toBe(false);
      expect(sha(r.body)).toBe(sha(original));
      expect(r.headers).toMatchObject({
        'content-type': 'application/dicom', 'content-length': String(original.length), 'accept-ranges': 'bytes',
        'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'content-disposition': 'inline',
      });
      expect(r.headers['content-security-policy']).toContain("default-src 'none'");
    }
  });

  it('sends a PDF attachment as application/pdf', async () => {
    const r = await get(host.port, `/bytes/attachment/${pdfId}`, auth());
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.body.equals(vault.attachments.get(pdfId)!)).toBe(true);
  });

  it('sends an AI-use record document as its own media type, whole or in part', async () => {
    const [exam] = (await vault.core.listExams({})).exams;
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'sv-doc-')), 'consent.pdf');
    const pdf = onePagePdf('Consent to AI analysis');
    writeFileSync(file, pdf);
    const doc = await vault.core.attachDocument({ target: { kind: 'exam', examId: exam!.id }, docKind: 'consent-form', title: null, source: { kind: 'path', path: file } });
    const whole = await get(host.port, `/bytes/ai-document/${doc.id}`, auth());
    expect(whole.status).toBe(200);
    expect(whole.headers).toMatchObject({ 'content-type': 'application/pdf', 'x-content-type-options': 'nosniff' });
    expect(whole.body.equals(pdf)).toBe(true);
    const part = await get(host.port, `/bytes/ai-document/${doc.id}`, { ...auth(), Range: 'bytes=0-7' });
    expect(part.status).toBe(206);
    expect(part.headers['content-type']).toBe('application/pdf');
    expect(part.body.toString('latin1')).toBe('%PDF-1.4');
    expect((await get(host.port, '/bytes/ai-document/99999', auth())).status).toBe(404);
  });

  it('answers ranges with exactly those bytes of the original', async () => {
    const original = vault.instances.get(bigId)!;
    const size = original.length;
    const cases: [string, number, number][] = [
      ['bytes=0-0', 0, 1],
      ['bytes=65530-65541', 65530, 65542], // across a chunk boundary
      [`bytes=${size - 70000}-`, size - 70000, size],
      ['bytes=-1000', size - 1000, size],
      [`bytes=300000-${size + 5000}`, 300000, size], // clamped to the end
      [`bytes=-${size + 10}`, 0, size],
    ];
    for (const [range, start, end] of cases) {
      const r = await get(host.port, `/bytes/instance/${bigId}`, { ...auth(), Range: range });
      expect(r.status, range).toBe(206);
      expect(r.headers['content-range'], range).toBe(`bytes ${start}-${end - 1}/${size}`);
      expect(r.headers['content-length'], range).toBe(String(end - start));
      expect(r.body.equals(original.subarray(start, end)), range).toBe(true);
    }
  });

  it('answers 416 for a range past the end, and the whole file for a range it does not understand', async () => {
    const size = vault.instances.get(smallId)!.length;
    const r = await get(host.port, `/bytes/instance/${smallId}`, { ...auth(), Range: `bytes=${size}-` });
    expect(r.status).toBe(416);
    expect(r.headers['content-range']).toBe(`bytes */${size}`);
    const multi = await get(host.port, `/bytes/instance/${smallId}`, { ...auth(), Range: 'bytes=0-1,5-9' });
    expect(multi.status).toBe(200);
    expect(multi.body.length).toBe(size);
  });

  it('answers HEAD with the headers only', async () => {
    const r = await get(host.port, `/bytes/instance/${smallId}`, auth(), 'HEAD');
    expect(r.status).toBe(200);
    expect(r.headers['content-length']).toBe(String(vault.instances.get(smallId)!.length));
    expect(r.body.length).toBe(0);
  });

  it('answers 404 NOT_FOUND for unknown ids and malformed paths, 405 for writes', async () => {
    for (const p of ['/bytes/instance/999999', '/bytes/attachment/999999', '/bytes/instance/0', '/bytes/instance/abc', '/bytes/frame/1', '/bytes/instance/1/x']) {
      const r = await get(host.port, p, auth());
      expect(r.status, p).toBe(404);
      expect(JSON.parse(r.body.toString()), p).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect((await get(host.port, `/bytes/instance/${smallId}`, auth(), 'DELETE')).status).toBe(405);
  });

  it('reports a damaged file (key or first chunk) as BLOB_CORRUPT before sending anything', async () => {
    const file = vault.blobFileOf('instance', smallId);
    const restore = flipByte(file, 200);
    try {
      const r = await get(host.port, `/bytes/instance/${smallId}`, auth());
      // The key unwraps, chunk 0 fails: it is checked before the status line goes out.
      expect(r.status).toBe(500);
      expect(JSON.parse(r.body.toString())).toMatchObject({ ok: false, error: { code: 'BLOB_CORRUPT' } });
    } finally {
      restore();
    }
    const header = flipByte(file, 40); // inside the wrapped key: found at open, before any header
    try {
      const r = await get(host.port, `/bytes/instance/${smallId}`, auth());
      expect(r.status).toBe(500);
      expect(JSON.parse(r.body.toString())).toMatchObject({ ok: false, error: { code: 'BLOB_CORRUPT' } });
    } finally {
      header();
    }
  });

  it('aborts the connection when damage shows up mid-file: never a clean, short success', async () => {
    const original = vault.instances.get(bigId)!;
    const restore = flipByte(vault.blobFileOf('instance', bigId), 89 + 5 * (65536 + 16) + 10); // chunk 5
    try {
      const r = await get(host.port, `/bytes/instance/${bigId}`, auth());
      expect(r.status).toBe(200);
      expect(r.aborted).toBe(true);
      expect(r.body.length).toBeLessThanOrEqual(5 * 65536);
      expect(r.body.equals(original.subarray(0, r.body.length))).toBe(true);
      // A range that stays before the damaged chunk is still served: only chunks 0-1 are read.
      const early = await get(host.port, `/bytes/instance/${bigId}`, { ...auth(), Range: 'bytes=0-100000' });
      expect(early.status).toBe(206);
      expect(early.aborted).toBe(false);
      expect(early.body.equals(original.subarray(0, 100001))).toBe(true);
    } finally {
      restore();
    }
  });

  it('answers 423 VAULT_LOCKED once the vault is locked, and serves again after unlock', async () => {
    await vault.core.lock();
    const r = await get(host.port, `/bytes/instance/${smallId}`, auth());
    expect(r.status).toBe(423);
    expect(JSON.parse(r.body.toString())).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    await vault.core.unlock({ passphrase: BYTE_VAULT_PASSPHRASE });
    expect((await get(host.port, `/bytes/instance/${smallId}`, auth())).status).toBe(200);
  });
});

/** Flips one byte of a file in place; returns a function that flips it back. */
function flipByte(file: string, offset: number): () => void {
  const flip = (): void => {
    const fd = openSync(file, 'r+');
    try {
      const b = Buffer.alloc(1);
      readSync(fd, b, 0, 1, offset);
      b[0] = b[0]! ^ 0xff;
      writeSync(fd, b, 0, 1, offset);
    } finally {
      closeSync(fd);
    }
  };
  flip();
  return flip;
}
