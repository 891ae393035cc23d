import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findRawForm, rawForms, type RawForm, type RawHit } from './raw-forms';
import type { Term } from './identifiers';

const isWordByte = (b: number | undefined) => b !== undefined && ((b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7a));

/** The search it replaces: lower-case a copy, then each form in turn with indexOf. */
function formByForm(bytes: Uint8Array, forms: readonly RawForm[], ignored: (f: RawForm, at: number) => boolean): RawHit | null {
  const lower = Buffer.from(Buffer.from(bytes).toString('latin1').replace(/[A-Z]/g, (c) => c.toLowerCase()), 'latin1');
  for (const form of forms) {
    for (let at = lower.indexOf(form.form); at >= 0; at = lower.indexOf(form.form, at + 1)) {
      if (isWordByte(lower[at - 1]) || isWordByte(lower[at + form.form.length]) || ignored(form, at)) continue;
      return { form, at };
    }
  }
  return null;
}

const terms: Term[] = [
  { text: 'WHITFIELD', kind: 'name' }, { text: 'MARGARET ANN', kind: 'name' }, { text: '19800315', kind: 'birth-date' },
  { text: '15 MAR 1980', kind: 'birth-date' }, { text: 'AB', kind: 'name' }, { text: 'OAK', kind: 'name', ownOnly: true }, { text: 'PID0042', kind: 'id' },
];

function mixedCase(text: string): string {
  return [...text].map((c) => (Math.random() < 0.5 ? c.toLowerCase() : c.toUpperCase())).join('');
}

describe('findRawForm', () => {
  const forms = rawForms(terms);

  it('leaves out own-only and short terms, adds names without spaces', () => {
    expect(forms.map((f) => f.form.toString('latin1'))).toEqual(['whitfield', 'margaret ann', 'margaretann', '19800315', '15 mar 1980', '15mar1980', 'pid0042']);
  });

  it('finds what form-by-form search finds, in random bytes with forms planted in any case', () => {
    for (let round = 0; round < 300; round++) {
      const bytes = randomBytes(2000 + Math.floor(Math.random() * 2000));
      for (let k = Math.floor(Math.random() * 4); k > 0; k--) {
        const form = forms[Math.floor(Math.random() * forms.length)]?.form.toString('latin1') ?? '';
        const text = Buffer.from(Math.random() < 0.3 ? mixedCase(form) + 'x' : Math.random() < 0.5 ? mixedCase(form) : ` ${mixedCase(form)}\0`, 'latin1');
        text.copy(bytes, Math.floor(Math.random() * (bytes.length - text.length + 5)));
      }
      const skip = round % 3 === 0 ? () => false : (_: RawForm, at: number) => at % 2 === 0;
      expect(findRawForm(bytes, forms, skip)).toEqual(formByForm(bytes, forms, skip));
    }
  });

  it('finds a form at the very start and at the very end', () => {
    expect(findRawForm(Buffer.from('Whitfield', 'latin1'), forms, () => false)?.at).toBe(0);
    expect(findRawForm(Buffer.from('\0\0PID0042', 'latin1'), forms, () => false)?.form.kind).toBe('id');
    expect(findRawForm(Buffer.from('\0\0PID00421', 'latin1'), forms, () => false)).toBeNull();
  });

  it('matches form-by-form search for random form sets (short, long, shared prefixes) planted anywhere', () => {
    const alphabet = 'ab1 z9';
    const randomForm = (length: number) => Array.from({ length }, (_, i) => alphabet[(i === 0 ? 0 : Math.floor(Math.random() * alphabet.length)) + (i === 0 ? Math.floor(Math.random() * 2) : 0)]).join('');
    for (let round = 0; round < 400; round++) {
      const count = 1 + Math.floor(Math.random() * 6);
      const set: RawForm[] = Array.from({ length: count }, () => ({ form: Buffer.from(randomForm(1 + Math.floor(Math.random() * (round % 2 === 0 ? 4 : 12))), 'latin1'), kind: 'name' as const }));
      // Pixel-like bytes (16-bit values) with runs of text, then the forms planted in any case, some touching each other.
      const bytes = Buffer.alloc(500 + Math.floor(Math.random() * 1500));
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.random() < 0.3 ? (alphabet.charCodeAt(Math.floor(Math.random() * alphabet.length)) ^ (Math.random() < 0.5 ? 0x20 : 0)) : Math.floor(Math.random() * 256);
      for (let k = Math.floor(Math.random() * 5); k > 0; k--) {
        const text = Buffer.from(mixedCase(set[Math.floor(Math.random() * set.length)]?.form.toString('latin1') ?? ''), 'latin1');
        text.copy(bytes, Math.floor(Math.random() * bytes.length));
      }
      const skip = round % 4 === 0 ? () => false : (_: RawForm, at: number) => at % 3 === 0;
      expect(findRawForm(bytes, set, skip)).toEqual(formByForm(bytes, set, skip));
    }
  });

  it('finds every form planted at every alignment in pixel data, so a skipped window never hides one', () => {
    const pixels = Buffer.alloc(4096);
    for (let i = 0; i < pixels.length; i += 2) pixels.writeUInt16LE((i * 37) & 0x0fff, i);
    for (const form of forms) {
      for (let offset = 0; offset < 24; offset++) {
        const bytes = Buffer.from(pixels);
        const at = 1000 + offset;
        bytes[at - 1] = 0;
        Buffer.from(mixedCase(form.form.toString('latin1')), 'latin1').copy(bytes, at);
        bytes[at + form.form.length] = 0;
        const hit = findRawForm(bytes, forms, () => false);
        expect(hit?.at).toBe(at);
        expect(hit?.form.form.equals(form.form) || forms.indexOf(hit?.form ?? form) <= forms.indexOf(form)).toBe(true);
      }
    }
  });

  it('reports the earliest form in the list, as the form-by-form search did', () => {
    const bytes = Buffer.from(' 19800315 .. whitfield ', 'latin1');
    expect(findRawForm(bytes, forms, () => false)?.form.form.toString('latin1')).toBe('whitfield');
  });
});
