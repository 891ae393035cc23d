// Baselines for the import benchmark, in one Node process and one thread: read every file, SHA-256
// it and AES-256-GCM encrypt it in 64 KiB chunks. With `--durable OUTDIR` also write each encrypted
// file to OUTDIR and fsync it before the next (the floor for storing files one by one durably;
// the plain run writes nothing). Prints {seconds, bytes, files, maxRssBytes} as JSON.
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
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

const [source, flag, outDir] = process.argv.slice(2);
const durable = flag === '--durable';
if (durable) mkdirSync(outDir, { recursive: true });
const files = await listFiles(source);
const key = randomBytes(32);
const started = process.hrtime.bigint();
let bytes = 0;
let n = 0;
for (const file of files) {
  const data = await readFile(file);
  createHash('sha256').update(data).digest();
  const fd = durable ? openSync(path.join(outDir, `${n++}.blob`), 'w', 0o600) : -1;
  for (let off = 0; off < data.length; off += 65536) {
    const cipher = createCipheriv('aes-256-gcm', key, randomBytes(12));
    const encrypted = cipher.update(data.subarray(off, off + 65536));
    cipher.final();
    const tag = cipher.getAuthTag();
    if (durable) {
      writeSync(fd, encrypted);
      writeSync(fd, tag);
    }
  }
  if (durable) {
    fsyncSync(fd);
    closeSync(fd);
  }
  bytes += data.length;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stdout.write(JSON.stringify({ seconds, bytes, files: files.length, maxRssBytes: process.resourceUsage().maxRSS * 1024 }) + '\n');
