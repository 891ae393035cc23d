/**
 * The automatic linking rule: two DICOM patient records are the same person when their normalised
 * names and their birth dates agree. Hospitals differ in case, spacing, ^ separators and trailing
 * empty name parts ("DOE^JANE^^" vs "Doe^Jane"); those differences are ignored. Anything else
 * (a middle name, a typo, a married name) is left to the person to link by hand.
 */

/** Normalised DICOM person name, or null when there is no usable name. */
export function normaliseName(dicomName: string | null): string | null {
  if (dicomName === null) return null;
  // PN is alphabetic=ideographic=phonetic; hospitals often send only the first form, so compare
  // the first form that is not empty.
  const groups = dicomName.normalize('NFC').split('=').map(normaliseGroup);
  return groups.find((g) => g !== '') ?? null;
}

function normaliseGroup(group: string): string {
  const parts = group.split('^').map((part) => part.replace(/\s+/g, ' ').trim().toUpperCase());
  while (parts.length > 0 && parts.at(-1) === '') parts.pop();
  return parts.join('^');
}

/** DICOM DA "YYYYMMDD" (older files: "YYYY.MM.DD" or "YYYY-MM-DD"), or null when unusable. */
export function normaliseBirthDate(value: string | null): string | null {
  const m = /^(\d{4})[.-]?(\d{2})[.-]?(\d{2})$/.exec((value ?? '').trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // 00000000 and similar placeholders mean "unknown", not a birthday everyone shares.
  if (y < 1800 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${m[1]}${m[2]}${m[3]}`;
}

/** The key records are linked by; null (never auto-linked) without both a name and a birth date. */
export function matchKey(name: string | null, birthDate: string | null): string | null {
  const n = normaliseName(name);
  const b = normaliseBirthDate(birthDate);
  return n === null || b === null ? null : JSON.stringify([n, b]);
}
