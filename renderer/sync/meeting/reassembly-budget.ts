/**
 * Bytes that half-received split messages may hold, shared by everything charged to it:
 * one budget per peer (the largest real message, a whole plan state) and one per meeting
 * (so thirty peers sending at once cannot hold thirty plans' worth). Memory is charged as
 * parts ARRIVE, never from what a header announces: a header costs nothing until the bytes
 * it promised are actually here.
 */
export class ReassemblyBudget {
  #used = 0;

  constructor(readonly limit: number) {}

  get used(): number {
    return this.#used;
  }

  /** Charges `bytes` if they fit; false (and nothing charged) if not. */
  reserve(bytes: number): boolean {
    if (this.#used + bytes > this.limit) return false;
    this.#used += bytes;
    return true;
  }

  release(bytes: number): void {
    this.#used = Math.max(0, this.#used - bytes);
  }
}
