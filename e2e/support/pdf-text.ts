/**
 * Reads a PDF's text back in Node with pdf.js's legacy build (the one meant for Node), page by
 * page, so a test can check what a printout says. Runs on bytes in memory.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfText(bytes: Uint8Array): Promise<{ pages: string[]; text: string }> {
  const task = getDocument({ data: new Uint8Array(bytes) });
  try {
    const doc = await task.promise;
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : '') : '')).join(''));
    }
    // Line breaks inside a sentence come from the layout; compare text with spaces collapsed.
    return { pages, text: pages.join('\n').replace(/\s+/g, ' ') };
  } finally {
    await task.destroy();
  }
}
