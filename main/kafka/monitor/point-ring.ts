// A bounded series of fixed-width numeric points ([time, value…]) in one flat array of doubles
// that grows by doubling up to its cap and then overwrites the oldest point. Ten thousand groups
// with a few hundred points each would cost hundreds of MB as arrays of arrays; this costs 8 bytes
// a number, and an idle series stays at its first few slots. (A plain array of numbers is stored
// unboxed by V8 and, unlike a typed array, carries no ArrayBuffer per series.)
export class PointRing {
  #data: number[];
  #start = 0;
  #length = 0;

  constructor(readonly width: number, readonly cap: number, initial = 4) {
    this.#data = new Array<number>(width * Math.min(initial, cap)).fill(0);
  }

  get length(): number { return this.#length; }

  #capacity() { return this.#data.length / this.width; }

  push(values: ReadonlyArray<number | null>): void {
    if (this.#length === this.#capacity() && this.#length < this.cap) {
      const grown = new Array<number>(this.width * Math.min(this.cap, this.#capacity() * 2)).fill(0);
      for (let i = 0; i < this.#length; i++) {
        const row = this.#row(i);
        for (let k = 0; k < this.width; k++) grown[i * this.width + k] = row[k]!;
      }
      this.#data = grown;
      this.#start = 0;
    }
    const capacity = this.#capacity();
    const index = this.#length < capacity ? (this.#start + this.#length++) % capacity : (this.#start++ % capacity);
    if (this.#start >= capacity) this.#start -= capacity;
    // NaN stands for null: a value that was unknown at that time.
    for (let k = 0; k < this.width; k++) this.#data[index * this.width + k] = values[k] ?? NaN;
  }

  #row(i: number): number[] {
    const index = (this.#start + i) % this.#capacity();
    return this.#data.slice(index * this.width, index * this.width + this.width);
  }

  /** The i-th oldest point, with null for unknown values. */
  at(i: number): Array<number | null> {
    return this.#row(i).map((v) => (Number.isNaN(v) ? null : v));
  }

  last(): Array<number | null> | undefined {
    return this.#length === 0 ? undefined : this.at(this.#length - 1);
  }

  toArray(): Array<Array<number | null>> {
    return Array.from({ length: this.#length }, (_, i) => this.at(i));
  }

  static from(width: number, cap: number, rows: ReadonlyArray<ReadonlyArray<number | null>>): PointRing {
    const ring = new PointRing(width, cap, Math.max(4, rows.length));
    for (const row of rows) ring.push(row);
    return ring;
  }
}
