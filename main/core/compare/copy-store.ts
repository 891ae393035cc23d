/**
 * Outside copies kept in memory after a compare, so the side-by-side view can show them through
 * the byte channel (/bytes/compare-copy/<id>). Never written anywhere; dropped when the vault
 * locks, and the oldest go first when the room is used up.
 */

/** Room for copies at once (the viewer needs them only while the person looks at the results). */
export const COPY_STORE_BYTES = 512 * 1024 * 1024;

export class CopyStore {
  private readonly copies = new Map<number, Uint8Array>();
  private nextId = 1;
  private bytes = 0;

  constructor(private readonly maxBytes = COPY_STORE_BYTES) {}

  /** The copy's id, or null when it alone is larger than the room. */
  keep(copy: Uint8Array): number | null {
    if (copy.length > this.maxBytes) return null;
    while (this.bytes + copy.length > this.maxBytes) {
      const oldest = this.copies.entries().next();
      if (oldest.done === true) break;
      this.copies.delete(oldest.value[0]);
      this.bytes -= oldest.value[1].length;
    }
    const id = this.nextId++;
    this.copies.set(id, copy);
    this.bytes += copy.length;
    return id;
  }

  get(id: number): Uint8Array | null {
    return this.copies.get(id) ?? null;
  }

  clear(): void {
    this.copies.clear();
    this.bytes = 0;
  }
}
