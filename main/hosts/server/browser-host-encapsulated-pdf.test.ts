// The browser host serves the PDF inside an Encapsulated PDF instance on its byte route, as a PDF.
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/log';
import { makeDetailsVault, type DetailsVault } from '../../test-support/details/details-vault';
import { samplesPresent } from '../../test-support/sample-corpus';
import { startBrowserHost, type BrowserHost } from './browser-host';

const PDF = 'sr-pdf-rt-other/sample-pdf.dcm';
const IMAGE = 'charset/chrGreek.dcm';

function get(port: number, urlPath: string, headers: Record<string, string>): Promise<{ status: number; type: string | undefined; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: urlPath, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body: Buffer.concat(parts) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe.skipIf(!samplesPresent)('browser host: /bytes/encapsulated-pdf/<id>', () => {
  let vault: DetailsVault;
  let host: BrowserHost;
  beforeAll(async () => {
    vault = await makeDetailsVault([PDF, IMAGE]);
    const dispatch = async (): Promise<never> => { throw new Error('not used'); };
    host = await startBrowserHost({ staticDir: mkdtempSync(path.join(os.tmpdir(), 'sv-static-')), log: silentLogger, dispatch, bytes: vault.core });
  }, 120_000);
  afterAll(async () => {
    await host.close();
    await vault.cleanup();
  });

  it('answers the embedded document as application/pdf, and 404 for an instance without one', async () => {
    const auth = { Authorization: `Bearer ${host.secret}` };
    const pdf = await get(host.port, `/bytes/encapsulated-pdf/${vault.instanceOf(PDF)}`, auth);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const whole = await get(host.port, `/bytes/instance/${vault.instanceOf(PDF)}`, auth);
    expect(whole.body.length).toBeGreaterThan(pdf.body.length); // the DICOM wrapper is not in the PDF answer
    expect((await get(host.port, `/bytes/encapsulated-pdf/${vault.instanceOf(IMAGE)}`, auth)).status).toBe(404);
  });
});
