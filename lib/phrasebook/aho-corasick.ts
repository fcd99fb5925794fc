// Aho-Corasick over word ids rather than characters: every anchor of every pattern is found in
// one left-to-right pass over the draft's words, whatever the number of entries.

export class AnchorAutomaton {
  /** Transitions out of the root, indexed by word id (-1: none), the common case kept cheap. */
  private readonly root: Int32Array;
  /** Other transitions, keyed by node * vocabulary size + word id. */
  private readonly next = new Map<number, number>();
  private readonly fail: Int32Array;
  /** Sequences whose anchor ends at each node, through dictionary suffix links included. */
  private readonly out: (number[] | null)[];
  private readonly vocabSize: number;

  constructor(anchors: readonly (readonly number[])[], vocabSize: number) {
    this.vocabSize = Math.max(vocabSize, 1);
    this.root = new Int32Array(this.vocabSize).fill(-1);
    const outs: (number[] | null)[] = [null];
    let nodes = 1;
    anchors.forEach((anchor, seq) => {
      let node = 0;
      for (const id of anchor) {
        let to = this.step(node, id);
        if (to < 0) {
          to = nodes++;
          outs.push(null);
          if (node === 0) this.root[id] = to;
          else this.next.set(node * this.vocabSize + id, to);
        }
        node = to;
      }
      (outs[node] ??= []).push(seq);
    });

    // Breadth-first, so each node's failure target is finished before the node itself.
    this.fail = new Int32Array(nodes);
    const children: number[][] = Array.from({ length: nodes }, () => []);
    const labels = new Int32Array(nodes);
    this.root.forEach((to, id) => {
      if (to >= 0) {
        children[0]!.push(to);
        labels[to] = id;
      }
    });
    for (const [key, to] of this.next) {
      children[Math.floor(key / this.vocabSize)]!.push(to);
      labels[to] = key % this.vocabSize;
    }
    const queue = [...children[0]!];
    for (let q = 0; q < queue.length; q++) {
      const node = queue[q]!;
      for (const child of children[node]!) {
        const id = labels[child]!;
        let f = this.fail[node]!;
        while (f > 0 && this.step(f, id) < 0) f = this.fail[f]!;
        const target = node === 0 ? 0 : this.step(f, id);
        this.fail[child] = target > 0 && target !== child ? target : 0;
        const inherited = outs[this.fail[child]!];
        if (inherited) outs[child] = [...(outs[child] ?? []), ...inherited];
        queue.push(child);
      }
    }
    this.out = outs;
  }

  private step(node: number, id: number): number {
    if (node === 0) return this.root[id]!;
    return this.next.get(node * this.vocabSize + id) ?? -1;
  }

  /** Calls `hit(sequence, lastToken)` for every anchor occurrence ending at each token. */
  scan(ids: Int32Array, n: number, hit: (seq: number, last: number) => void): void {
    let node = 0;
    for (let i = 0; i < n; i++) {
      const id = ids[i]!;
      if (id < 0) {
        node = 0;
        continue;
      }
      let to = this.step(node, id);
      while (to < 0 && node !== 0) {
        node = this.fail[node]!;
        to = this.step(node, id);
      }
      node = to < 0 ? 0 : to;
      const out = this.out[node];
      if (out) for (const seq of out) hit(seq, i);
    }
  }
}
