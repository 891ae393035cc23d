/** Alphabetical by the name people see, ignoring case and accents; unnamed last; ties by id. */
export function sortByName<T extends { id: number }>(items: T[], name: (item: T) => string | null): T[] {
  const collator = new Intl.Collator('en', { sensitivity: 'base' });
  return [...items].sort((a, b) => {
    const na = name(a);
    const nb = name(b);
    if (na === null || nb === null) return na === nb ? a.id - b.id : na === null ? 1 : -1;
    return collator.compare(na, nb) || a.id - b.id;
  });
}
