/**
 * Burned-in screening throughput: a 500-slice CT (from the sample CT slices when the corpus is
 * there, else synthetic slices) with a name and an ID burned into a few slices, screened one file
 * after another as the share pipeline does. Prints images/s and what was found.
 */
import { cpus } from 'node:os';
import { createScreener } from '../../main/core/share/burned-in/screener';
import { plantText } from '../../main/test-support/burned-in/planted-text';
import { syntheticCt } from '../../main/test-support/burned-in/synthetic-images';
import { makeCtVolume } from '../../main/test-support/dicom/ct-volume';
import { readManifest, sampleBytes, samplesPresent } from '../../main/test-support/sample-corpus';

const COUNT = Number(process.env.BENCH_SLICES ?? 500);
const TEXT_SLICES = new Set([3, 97, 250, 333, 498].filter((i) => i < COUNT));

function slices(): { files: Uint8Array[]; source: string } {
  if (samplesPresent) {
    const sources = readManifest().filter((r) => r.path.startsWith('ct-series/chest-ct-3slice-ge/')).map((r) => sampleBytes(r.path));
    if (sources.length > 0) return { files: makeCtVolume(sources, COUNT), source: 'sample CT slices (GE chest, 512x512)' };
  }
  return { files: Array.from({ length: COUNT }, (_, i) => syntheticCt({ seed: i + 1 })), source: 'synthetic CT slices (512x512)' };
}

const { files, source } = slices();
const planted = files.map((file, i) =>
  TEXT_SLICES.has(i) ? plantText(file, [{ text: 'DOE^JANE', x: 16, y: 16, px: 14 }, { text: 'MRN-0001', x: 390, y: 486, px: 12 }]).bytes : file);
const screener = createScreener();
const started = performance.now();
const cpuBefore = process.cpuUsage();
const found: number[] = [];
for (const [i, file] of planted.entries()) if ((await screener.screen(file)).textFound) found.push(i);
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
await screener.close();

const missed = [...TEXT_SLICES].filter((i) => !found.includes(i));
const falsePositives = found.filter((i) => !TEXT_SLICES.has(i));
process.stdout.write(`burned-in screening: ${COUNT} ${source}, ${TEXT_SLICES.size} with text, ${cpus().length} cores\n`);
process.stdout.write(`found text in ${found.length} (missed ${missed.length}, false positives ${falsePositives.length})\n`);
process.stdout.write(`main-thread CPU: ${cpuSeconds.toFixed(1)} s (${((cpuSeconds / COUNT) * 1000).toFixed(1)} ms an image; a busy machine stretches the wall time)\n`);
process.stdout.write(`screening: ${(COUNT / seconds).toFixed(1)} images/s (${seconds.toFixed(1)} s for ${COUNT}, OCR start-up included)\n`);
process.exit(missed.length === 0 ? 0 : 1);
