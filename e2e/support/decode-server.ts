/**
 * Test-only: builds the decode page (e2e/support/decode-page) and serves it on loopback with the
 * app's own Content Security Policy, plus a byte route that answers /bytes/instance/<n> with the
 * n-th file of a list. The page then runs the production adapter (fetchBytes, loader, workers,
 * WASM codecs) under the production CSP, on sample bytes the spec chooses.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { test } from '@playwright/test';
import { byteResponseHeaders, parseBytePath } from '../../shared/api/bytes';
import { SECURITY_HEADERS } from '../../main/hosts/common/security-headers';
import { loadStatic } from '../../main/hosts/common/static-files';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const DECODE_PAGE_DIR = path.join(ROOT, 'test-results', 'decode-page');

export function buildDecodePage(): void {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'e2e/support/decode-page/vite.config.ts'], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, DECODE_PAGE_OUT: DECODE_PAGE_DIR },
  });
  if (r.status !== 0) throw new Error(`decode page build failed: ${r.stderr}`);
}

export interface DecodeServer {
  origin: string;
  close(): Promise<void>;
}

/** `files[i]` is served as instance i + 1; instances in `held` are answered only when `release()` is called. */
export async function startDecodeServer(files: readonly string[], held: ReadonlySet<number> = new Set()): Promise<DecodeServer & { release(): void }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => { release = resolve; });
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const ref = parseBytePath(url.pathname);
      if (ref !== null) {
        const file = ref.kind === 'instance' ? files[ref.id - 1] : undefined;
        if (file === undefined) {
          res.writeHead(404, { 'Content-Type': 'application/json' }).end(JSON.stringify({ ok: false, error: { code: 'NOT_FOUND', message: 'Not found.' } }));
          return;
        }
        if (held.has(ref.id)) await released;
        const body = readFileSync(file);
        res.writeHead(200, { ...SECURITY_HEADERS, ...byteResponseHeaders('instance', body.length) }).end(body);
        return;
      }
      const found = await loadStatic(DECODE_PAGE_DIR, url.pathname);
      if (found === null) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': found.type }).end(found.body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    release,
    close: () => {
      release();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Inside a describe block: builds the decode page and serves `files` for the block's tests; the
 * returned getter gives the page's origin once the server is up.
 */
export function useDecodePage(files: readonly string[]): () => string {
  let server: DecodeServer | null = null;
  test.beforeAll(async () => {
    buildDecodePage();
    server = await startDecodeServer(files);
  });
  test.afterAll(async () => server?.close());
  return () => {
    if (server === null) throw new Error('the decode page is not served yet');
    return server.origin;
  };
}
