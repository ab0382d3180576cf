// Counting distinct dense integer ids without Sets: a stamp per id, and a new generation per count.
export class DistinctIds {
  private stamps = new Uint32Array(1024);
  private generation = 0;

  /** Starts a new count (O(1): old stamps are simply of an older generation). */
  reset(): this {
    this.generation += 1;
    if (this.generation === 0xffffffff) {
      this.stamps.fill(0);
      this.generation = 1;
    }
    return this;
  }

  /** True the first time `id` is added since the last reset. */
  add(id: number): boolean {
    if (id >= this.stamps.length) {
      const grown = new Uint32Array(Math.max(id + 1, this.stamps.length * 2));
      grown.set(this.stamps);
      this.stamps = grown;
    }
    if (this.stamps[id] === this.generation) return false;
    this.stamps[id] = this.generation;
    return true;
  }
}
