/**
 * Test-only: the 8-bit display values dcmtk's dcm2pnm renders for one frame, for comparison with
 * what the viewer draws: modality LUT, then the given linear window (monochrome; MONOCHROME1 comes
 * out inverted, as it is shown) or the colour picture as RGB, no scaling, no interpolation, no
 * overlays (the viewer does not draw overlay planes).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readPnm, type Pnm } from './pnm';
import { toPlainFile } from './reference-pixels';

export type DisplayReference = Pnm;

/**
 * dcm2pnm's rendering of one frame. dcm2pnm itself reads only some compressed syntaxes; the others
 * are first made uncompressed by the decode spec's independent decoders (dcmtk, GDCM).
 */
export function dcm2pnm(file: string, transferSyntax: string, frame: number, window: { center: number; width: number } | null): DisplayReference | { error: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sv-display-'));
  try {
    const out = path.join(dir, 'frame.pnm');
    const windowArgs = window === null ? [] : ['+Ww', String(window.center), String(window.width)];
    const render = (input: string): string | null => {
      const r = spawnSync('dcm2pnm', ['-q', '+op', '-S', '-O', '+F', String(frame + 1), ...windowArgs, input, out], { encoding: 'utf8' });
      return r.status === 0 ? null : (r.stderr || r.stdout).trim().split('\n')[0] ?? `exit ${r.status}`;
    };
    let error = render(file);
    if (error !== null) {
      const plain = path.join(dir, 'plain.dcm');
      const converted = toPlainFile(file, transferSyntax, plain);
      if ('reason' in converted) return { error: `${error}; ${converted.reason}` };
      error = render(plain);
      if (error !== null) return { error };
    }
    return readPnm(readFileSync(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
