/** One document's term ids (into a CountTable's `terms`) and their counts. */
export interface PackedCounts {
  ids: Int32Array;
  counts: Int32Array;
}

/**
 * Token counts of many documents over one term dictionary, packed in typed arrays. An import
 * keeps every outcome's counts until the offline model is fitted on them; at 100,000 outcomes
 * (~9 million counts) a Map per outcome made garbage collection a tenth of the import's time.
 */
export class CountTable {
  /** The term of each term id. */
  readonly terms: string[] = [];
  private readonly termIds = new Map<string, number>();
  /** Document id → its row (the latest one, when a document is set twice). */
  private readonly rowOf = new Map<number, number>();
  /** Row r's entries are [starts[r], starts[r + 1]). */
  private starts = new Int32Array(1_024);
  private rowCount = 0;
  private ids = new Int32Array(65_536);
  private counts = new Int32Array(65_536);

  /** Number of distinct documents. */
  get size(): number {
    return this.rowOf.size;
  }

  termId(term: string): number | undefined {
    return this.termIds.get(term);
  }

  set(docId: number, counts: ReadonlyMap<string, number>): void {
    this.add(docId, this.pack(counts));
  }

  /** A document's counts as term ids of this table (new terms join the dictionary) and counts, not yet stored. */
  pack(counts: ReadonlyMap<string, number>): PackedCounts {
    const ids = new Int32Array(counts.size);
    const values = new Int32Array(counts.size);
    let at = 0;
    for (const [term, count] of counts) {
      let id = this.termIds.get(term);
      if (id === undefined) {
        id = this.terms.length;
        this.terms.push(term);
        this.termIds.set(term, id);
      }
      ids[at] = id;
      values[at++] = count;
    }
    return { ids, counts: values };
  }

  /** Stores a document's counts packed by this table. */
  add(docId: number, packed: PackedCounts): void {
    const start = this.starts[this.rowCount]!;
    const size = packed.ids.length;
    if (start + size > this.ids.length) {
      const capacity = Math.max(this.ids.length * 2, start + size);
      this.ids = grow(this.ids, capacity);
      this.counts = grow(this.counts, capacity);
    }
    this.ids.set(packed.ids, start);
    this.counts.set(packed.counts, start);
    if (this.rowCount + 2 > this.starts.length) this.starts = grow(this.starts, this.starts.length * 2);
    this.rowOf.set(docId, this.rowCount);
    this.starts[++this.rowCount] = start + size;
  }

  /** The document's term ids and counts (views, in the order they were set), or undefined. */
  row(docId: number): { ids: Int32Array; counts: Int32Array } | undefined {
    const r = this.rowOf.get(docId);
    return r === undefined ? undefined : this.rowAt(r);
  }

  /** How many documents contain each term (by term id). */
  documentFrequencies(): Int32Array {
    const df = new Int32Array(this.terms.length);
    for (const { ids } of this.rows()) for (let j = 0; j < ids.length; j++) df[ids[j]!]!++;
    return df;
  }

  /** Every document's current row, in the order the documents were first set. */
  *rows(): Generator<{ ids: Int32Array; counts: Int32Array }> {
    for (const r of this.rowOf.values()) yield this.rowAt(r);
  }

  private rowAt(r: number): { ids: Int32Array; counts: Int32Array } {
    const from = this.starts[r]!;
    const to = this.starts[r + 1]!;
    return { ids: this.ids.subarray(from, to), counts: this.counts.subarray(from, to) };
  }

  /** A table of the given documents' counts (id → counts). */
  static of(docs: Iterable<readonly [number, ReadonlyMap<string, number>]>): CountTable {
    const table = new CountTable();
    for (const [id, counts] of docs) table.set(id, counts);
    return table;
  }
}

function grow(a: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(capacity);
  b.set(a);
  return b;
}
