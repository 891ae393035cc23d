/** Test-only: every entry of a zip, name to content, as yauzl (the reader verify-export and import use) reads it, sizes checked. */
import yauzl from 'yauzl';

export function readZipEntries(file: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (err !== null) { reject(err); return; }
      zip.on('error', reject);
      zip.on('end', () => resolve(out));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamErr, stream) => {
          if (streamErr !== null) { reject(streamErr); return; }
          const parts: Buffer[] = [];
          stream.on('data', (c: Buffer) => parts.push(c));
          stream.on('end', () => { out.set(entry.fileName, Buffer.concat(parts)); zip.readEntry(); });
        });
      });
      zip.readEntry();
    });
  });
}
