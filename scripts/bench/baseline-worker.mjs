// Baseline for the import benchmark: read every file, SHA-256 it and AES-256-GCM encrypt it in
// 64 KiB chunks, in one Node process. Prints {seconds, bytes, files, maxRssBytes} as JSON.
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

async function listFiles(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...await listFiles(p));
    else out.push(p);
  }
  return out.sort();
}

const files = await listFiles(process.argv[2]);
const key = randomBytes(32);
const started = process.hrtime.bigint();
let bytes = 0;
for (const file of files) {
  const data = await readFile(file);
  createHash('sha256').update(data).digest();
  for (let off = 0; off < data.length; off += 65536) {
    const cipher = createCipheriv('aes-256-gcm', key, randomBytes(12));
    cipher.update(data.subarray(off, off + 65536));
    cipher.final();
    cipher.getAuthTag();
  }
  bytes += data.length;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stdout.write(JSON.stringify({ seconds, bytes, files: files.length, maxRssBytes: process.resourceUsage().maxRSS * 1024 }) + '\n');
