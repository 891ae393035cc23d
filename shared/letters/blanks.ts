/** Collects the blanks a letter leaves, so the text and `fieldsMissing` always agree. */
export class Blanks {
  private readonly missing: string[] = [];

  /** `value` when given (non-empty after trimming), else a visible "[label]" that is recorded. */
  fill(value: string | null | undefined, label: string): string {
    const v = value?.trim();
    if (v) return v;
    if (!this.missing.includes(label)) this.missing.push(label);
    return `[${label}]`;
  }

  list(): string[] {
    return [...this.missing];
  }
}

/** A value or nothing: for facts a letter can leave out without a gap (accession, MRN). */
export function given(value: string | null | undefined): string | null {
  const v = value?.trim();
  return v ? v : null;
}
