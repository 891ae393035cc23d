/**
 * What the app calls when the vault locks (by hand or idle): the viewer's decoded images and
 * caches are emptied. No Cornerstone import here, so the app shell can call it without loading
 * the viewer; the viewer registers its purge when it starts (init.ts).
 */
const purges = new Set<() => void>();

export function onViewerLock(purge: () => void): void {
  purges.add(purge);
}

export function clearViewerCaches(): void {
  for (const purge of purges) purge();
}
