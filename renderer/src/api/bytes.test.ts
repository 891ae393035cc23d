import { describe, expect, it } from 'vitest';
import { byteUrl, fetchBytes, streamBytes } from './bytes';

type Call = { url: string; init: RequestInit };

function fakeFetch(respond: (call: Call) => Response): typeof fetch & { calls: Call[] } {
  const calls: Call[] = [];
  const impl = (async (url: string, init: RequestInit) => {
    const call = { url, init };
    calls.push(call);
    return respond(call);
  }) as unknown as typeof fetch & { calls: Call[] };
  impl.calls = calls;
  return impl;
}

const bytes = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);

describe('renderer byte client', () => {
  it('builds same-origin paths for the browser host and scheme URLs for the desktop app', () => {
    expect(byteUrl({ kind: 'instance', id: 12 }, false)).toBe('/bytes/instance/12');
    expect(byteUrl({ kind: 'attachment', id: 3 }, true)).toBe('scanvault-bytes://vault/bytes/attachment/3');
    expect(() => byteUrl({ kind: 'instance', id: 0 }, false)).toThrow();
  });

  it('fetches a whole file with the session cookie and no cache', async () => {
    const f = fakeFetch(() => new Response(bytes, { status: 200, headers: { 'Content-Length': '8' } }));
    const r = await fetchBytes({ kind: 'instance', id: 1 }, {}, f);
    expect(r.ok && new Uint8Array(r.value)).toEqual(bytes);
    expect(f.calls[0]).toMatchObject({ url: '/bytes/instance/1', init: { credentials: 'same-origin', cache: 'no-store', headers: {} } });
  });

  it('asks for a range with an inclusive last byte and reports the whole size', async () => {
    const f = fakeFetch(() => new Response(bytes.subarray(2, 6), { status: 206, headers: { 'Content-Length': '4', 'Content-Range': 'bytes 2-5/8' } }));
    const r = await streamBytes({ kind: 'instance', id: 1 }, { range: { start: 2, end: 6 } }, f);
    expect(r.ok && { length: r.value.length, size: r.value.size }).toEqual({ length: 4, size: 8 });
    expect(f.calls[0]!.init.headers).toEqual({ Range: 'bytes=2-5' });
  });

  it('turns error answers into the core\'s codes, and 401 into an ended session', async () => {
    const locked = fakeFetch(() => Response.json({ ok: false, error: { code: 'VAULT_LOCKED', message: 'The vault is locked.' } }, { status: 423 }));
    expect(await fetchBytes({ kind: 'instance', id: 1 }, {}, locked)).toEqual({ ok: false, error: { code: 'VAULT_LOCKED', message: 'The vault is locked.' } });
    const unauthorized = fakeFetch(() => new Response('Unauthorized', { status: 401 }));
    const r = await fetchBytes({ kind: 'instance', id: 1 }, {}, unauthorized);
    expect(!r.ok && r.error.message).toContain('session has ended');
    const garbage = fakeFetch(() => new Response('<html>', { status: 500 }));
    expect(await fetchBytes({ kind: 'instance', id: 1 }, {}, garbage)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('a body shorter than its Content-Length, or one that breaks, is an error, never a short buffer', async () => {
    const short = fakeFetch(() => new Response(bytes.subarray(0, 5), { status: 200, headers: { 'Content-Length': '8' } }));
    expect(await fetchBytes({ kind: 'instance', id: 1 }, {}, short)).toMatchObject({ ok: false, error: { code: 'BLOB_CORRUPT' } });
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.subarray(0, 4));
        controller.error(new Error('connection reset'));
      },
    });
    const breaks = fakeFetch(() => new Response(broken, { status: 200, headers: { 'Content-Length': '8' } }));
    expect(await fetchBytes({ kind: 'instance', id: 1 }, {}, breaks)).toMatchObject({ ok: false, error: { code: 'BLOB_CORRUPT' } });
  });
});
