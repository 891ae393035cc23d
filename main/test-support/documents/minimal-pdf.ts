/**
 * Writes small PDFs by hand for the document-reader tests: pages of text in Helvetica (a text
 * layer, as a word processor would make) and pages holding only a picture (as a scanner makes).
 * Offsets in the cross-reference table are real, so pdf.js reads them without repairing.
 */
import { deflateSync } from 'node:zlib';
import type { GreyImage } from './bitmap-font';

export type PdfPage = { text: readonly string[] } | { image: GreyImage };

const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);

/** `locked`: adds an /Encrypt entry whose empty user password does not open it (as a password-protected PDF). */
export function buildPdf(pages: readonly PdfPage[], options: { locked?: boolean } = {}): Uint8Array {
  const objects: Buffer[] = [];
  const add = (body: Buffer | string) => { objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body); return objects.length; };
  const stream = (dict: string, data: Buffer) => Buffer.concat([
    Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1'),
  ]);

  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // the page tree, filled in once the page ids are known
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const page of pages) {
    let content: string;
    let resources: string;
    if ('text' in page) {
      const lines = page.text.map((l, i) => `${i === 0 ? '' : 'T* '}(${escape(l)}) Tj`).join('\n');
      content = `BT /F1 11 Tf 14 TL 56 740 Td\n${lines}\nET`;
      resources = `<< /Font << /F1 ${font} 0 R >> >>`;
    } else {
      const { width, height, pixels } = page.image;
      const img = add(stream(`/Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`, deflateSync(pixels)));
      // Fit the picture to the page width with a margin, keeping its proportions.
      const w = 500;
      const h = Math.round((w * height) / width);
      content = `q ${w} 0 0 ${h} 56 ${742 - h} cm /Im1 Do Q`;
      resources = `<< /XObject << /Im1 ${img} 0 R >> >>`;
    }
    const contents = add(stream('', Buffer.from(content, 'latin1')));
    kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${contents} 0 R /Resources ${resources} >>`));
  }
  objects[1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`, 'latin1');

  let encrypt = '';
  if (options.locked) {
    const hex32 = (b: number) => `<${b.toString(16).padStart(2, '0').repeat(32)}>`;
    const id = add(`<< /Filter /Standard /V 1 /R 2 /O ${hex32(0x5a)} /U ${hex32(0xa5)} /P -4 >>`);
    encrypt = ` /Encrypt ${id} 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]`;
  }
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xE2\xE3\xCF\xD3\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((body, i) => {
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    offsets.push(at);
    at += chunk.length;
    parts.push(chunk);
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${encrypt} >>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}
