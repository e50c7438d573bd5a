/** A flow network with integer capacities; `maxFlow` runs Dinic's algorithm. */
export class FlowNetwork {
  private readonly head: Int32Array;
  private to: number[] = [];
  private cap: number[] = [];
  private next: number[] = [];

  constructor(readonly nodes: number) {
    this.head = new Int32Array(nodes).fill(-1);
  }

  addEdge(from: number, to: number, capacity: number): void {
    if (capacity <= 0) return;
    for (const [u, v, c] of [[from, to, capacity], [to, from, 0]] as const) {
      this.to.push(v);
      this.cap.push(c);
      this.next.push(this.head[u]!);
      this.head[u] = this.to.length - 1;
    }
  }

  maxFlow(source: number, sink: number): number {
    const level = new Int32Array(this.nodes);
    const cursor = new Int32Array(this.nodes);
    let total = 0;
    while (this.levels(source, sink, level)) {
      cursor.set(this.head);
      for (let pushed = this.push(source, sink, Infinity, level, cursor); pushed > 0; pushed = this.push(source, sink, Infinity, level, cursor)) {
        total += pushed;
      }
    }
    return total;
  }

  private levels(source: number, sink: number, level: Int32Array): boolean {
    level.fill(-1);
    level[source] = 0;
    const queue = [source];
    for (let i = 0; i < queue.length; i++) {
      const u = queue[i]!;
      for (let e = this.head[u]!; e !== -1; e = this.next[e]!) {
        const v = this.to[e]!;
        if (this.cap[e]! > 0 && level[v] === -1) {
          level[v] = level[u]! + 1;
          queue.push(v);
        }
      }
    }
    return level[sink] !== -1;
  }

  /** One augmenting path in the level graph (iterative DFS); the amount pushed. */
  private push(source: number, sink: number, limit: number, level: Int32Array, cursor: Int32Array): number {
    const path: number[] = [];
    let u = source;
    for (;;) {
      if (u === sink) {
        let amount = limit;
        for (const e of path) amount = Math.min(amount, this.cap[e]!);
        for (const e of path) {
          this.cap[e]! -= amount;
          this.cap[e ^ 1]! += amount;
        }
        return amount;
      }
      let e = cursor[u]!;
      while (e !== -1 && !(this.cap[e]! > 0 && level[this.to[e]!] === level[u]! + 1)) e = this.next[e]!;
      cursor[u] = e;
      if (e !== -1) {
        path.push(e);
        u = this.to[e]!;
        continue;
      }
      if (u === source) return 0;
      level[u] = -1; // dead end: never enter it again in this phase
      const back = path.pop()!;
      u = this.to[back ^ 1]!;
      cursor[u] = this.next[cursor[u]!]!;
    }
  }
}
