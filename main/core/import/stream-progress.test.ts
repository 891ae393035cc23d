import { describe, expect, it } from 'vitest';
import { memorySourceFile } from '../../test-support/import/memory-source-file';
import { reportingStreamProgress } from './stream-progress';

describe('reportingStreamProgress', () => {
  it('reports the bytes streamed so far and passes every byte on unchanged', async () => {
    const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i & 0xff));
    const seen: number[] = [];
    const file = reportingStreamProgress(memorySourceFile('IM1', bytes, 100), (n) => seen.push(n), 250);
    const got = await file.stream(async (chunks) => {
      const parts: Buffer[] = [];
      for await (const chunk of chunks) parts.push(chunk);
      return Buffer.concat(parts);
    });
    expect(got.equals(bytes)).toBe(true);
    expect(seen).toEqual([300, 600, 900]);
    expect([file.relativePath, file.size, (await file.read()).equals(bytes)]).toEqual(['IM1', 1000, true]);
  });
});
