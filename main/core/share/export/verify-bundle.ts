/**
 * Checks an exported bundle offline, folder or zip: the manifest's signature (against the key in
 * it, or a fingerprint given by the patient), every listed file's SHA-256 and size, and that no
 * file was added. Reads only the bundle; needs no vault.
 */
import { createHash } from 'node:crypto';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import yauzl from 'yauzl';
import type { VerifyExportReport } from '../../../../shared/share/share-domain';
import { CoreError } from '../../core-error';
import { fingerprintOf, sameFingerprint, verifySignature } from '../signing-key';
import { MANIFEST_FILE, SIGNATURE_FILE, parseManifest } from './manifest';

interface Seen { size: number; sha256: string }
interface ReadBundle { files: Map<string, Seen>; manifest: Buffer | null; signature: Buffer | null; unreadable: string[] }

const MAX_MANIFEST = 64 * 1024 * 1024;
const HASH_BATCH = 8;

/** Read in one go up to this size; larger files in pieces of HASH_PIECE. */
const WHOLE_FILE = 8 * 1024 * 1024;
const HASH_PIECE = 1024 * 1024;

/**
 * One open, one fstat, one read (per piece) and one close: a read stream's machinery cost more
 * than the hashing for the many small files of a share (tens of us each, four times per file).
 */
export async function hashFile(file: string): Promise<Seen> {
  const handle = await open(file, 'r');
  try {
    const { size: expected } = await handle.stat();
    const hash = createHash('sha256');
    // One byte more than the file holds: a read that comes back short is its end, so no second read to find it.
    const buffer = Buffer.allocUnsafe(expected < WHOLE_FILE ? expected + 1 : HASH_PIECE);
    let size = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, size);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      size += bytesRead;
      // Short before the size fstat gave (a file system that reads in pieces): read on. A file that
      // grew fills the buffer and is read on too; stopping early could only fail the check, never pass it.
      if (bytesRead < buffer.length && size >= expected) break;
    }
    return { size, sha256: hash.digest('hex') };
  } finally {
    await handle.close();
  }
}

async function readFolder(root: string): Promise<ReadBundle> {
  const out: ReadBundle = { files: new Map(), manifest: null, signature: null, unreadable: [] };
  const toHash: [string, string][] = [];
  const walk = async (dir: string, prefix: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full, rel);
      else if (rel === MANIFEST_FILE && (await stat(full)).size <= MAX_MANIFEST) out.manifest = await readFile(full);
      else if (rel === SIGNATURE_FILE && (await stat(full)).size <= 1024) out.signature = await readFile(full);
      else toHash.push([rel, full]);
    }
  };
  await walk(root, '');
  // A few files at once: the disk works while the CPU hashes.
  for (let i = 0; i < toHash.length; i += HASH_BATCH) {
    await Promise.all(toHash.slice(i, i + HASH_BATCH).map(([rel, full]) => hashFile(full).then((seen) => { out.files.set(rel, seen); }, () => { out.unreadable.push(rel); })));
  }
  return out;
}

function readZip(file: string): Promise<ReadBundle> {
  const out: ReadBundle = { files: new Map(), manifest: null, signature: null, unreadable: [] };
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: true, strictFileNames: false, validateEntrySizes: true }, (err, zip) => {
      if (err !== null) { reject(new CoreError('BAD_REQUEST', 'This zip file cannot be read. It may be damaged or cut short; ask for the share again.')); return; }
      zip.on('error', () => reject(new CoreError('BAD_REQUEST', 'This zip file is damaged. Ask for the share again.')));
      zip.on('end', () => resolve(out));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) { zip.readEntry(); return; }
        zip.openReadStream(entry, (streamErr, stream) => {
          if (streamErr !== null) { out.unreadable.push(entry.fileName); zip.readEntry(); return; }
          const hash = createHash('sha256');
          const keep = entry.fileName === MANIFEST_FILE || entry.fileName === SIGNATURE_FILE;
          const parts: Buffer[] = [];
          let size = 0;
          stream.on('data', (chunk: Buffer) => { hash.update(chunk); size += chunk.length; if (keep && size <= MAX_MANIFEST) parts.push(chunk); });
          stream.on('error', () => { out.unreadable.push(entry.fileName); zip.readEntry(); });
          stream.on('end', () => {
            if (entry.fileName === MANIFEST_FILE) out.manifest = Buffer.concat(parts);
            else if (entry.fileName === SIGNATURE_FILE) out.signature = Buffer.concat(parts);
            else out.files.set(entry.fileName, { size, sha256: hash.digest('hex') });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

export async function verifyBundle(target: string, fingerprint?: string): Promise<VerifyExportReport> {
  const info = await stat(target).catch(() => null);
  if (info === null) throw new CoreError('PATH_NOT_FOUND', 'There is no share at that place. Check the path, and that the drive is connected.');
  const bundle = info.isDirectory() ? await readFolder(target) : await readZip(target);
  const report: VerifyExportReport = {
    ok: false, fingerprint: null, signatureValid: false, fingerprintMismatch: false, recipient: null, date: null, anchor: null, files: 0, problems: [],
  };
  const manifest = bundle.manifest === null ? null : parseManifest(bundle.manifest);
  if (manifest === null || bundle.manifest === null) {
    report.problems.push({ path: MANIFEST_FILE, problem: bundle.manifest === null ? 'missing' : 'unreadable' });
    return report;
  }
  report.recipient = manifest.recipient.name;
  report.date = manifest.date;
  report.anchor = manifest.anchor;
  report.files = manifest.files.length;
  const checked = verifySignature(manifest.signingKey.publicKeyPem, bundle.manifest, bundle.signature ?? Buffer.alloc(0));
  if (bundle.signature === null) report.problems.push({ path: SIGNATURE_FILE, problem: 'missing' });
  report.signatureValid = checked.valid;
  const keyFingerprint = checked.raw === null ? null : fingerprintOf(checked.raw);
  if (fingerprint !== undefined) {
    report.fingerprint = fingerprint;
    report.fingerprintMismatch = keyFingerprint === null || !sameFingerprint(fingerprint, keyFingerprint);
  } else report.fingerprint = keyFingerprint;
  for (const listed of manifest.files) {
    const seen = bundle.files.get(listed.path);
    if (seen === undefined) report.problems.push({ path: listed.path, problem: bundle.unreadable.includes(listed.path) ? 'unreadable' : 'missing' });
    else if (seen.sha256 !== listed.sha256 || seen.size !== listed.size) report.problems.push({ path: listed.path, problem: 'changed' });
  }
  const listedPaths = new Set(manifest.files.map((f) => f.path));
  for (const found of bundle.files.keys()) if (!listedPaths.has(found)) report.problems.push({ path: found, problem: 'added' });
  report.ok = report.signatureValid && !report.fingerprintMismatch && report.problems.length === 0;
  return report;
}
