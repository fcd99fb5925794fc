// Accuracy, macro-F1 and threshold search, shared by the eval and the tuner.

export function scoresOf(gold: readonly string[], pred: readonly string[], labels: readonly string[]) {
  let correct = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === pred[i]) correct++;
  const f1s = labels.map((l) => f1For(gold, pred, l));
  return { accuracy: gold.length ? correct / gold.length : 0, macroF1: f1s.reduce((a, b) => a + b, 0) / labels.length };
}

export function precisionFor(gold: readonly string[], pred: readonly string[], label: string): { precision: number; recall: number; predicted: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < gold.length; i++) {
    if (pred[i] === label && gold[i] === label) tp++;
    else if (pred[i] === label) fp++;
    else if (gold[i] === label) fn++;
  }
  return { precision: tp + fp ? tp / (tp + fp) : 0, recall: tp + fn ? tp / (tp + fn) : 0, predicted: tp + fp };
}

/**
 * Wilson score interval (95%) for a proportion of `hits` in `n`: how far a precision measured on
 * a few flagged messages can be from the detector's true precision.
 */
export function wilson(hits: number, n: number, z = 1.96): [number, number] {
  if (n === 0) return [0, 1];
  const p = hits / n;
  const mid = p + (z * z) / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  const den = 1 + (z * z) / n;
  return [(mid - half) / den, (mid + half) / den];
}

export function f1For(gold: readonly string[], pred: readonly string[], label: string): number {
  const { precision, recall } = precisionFor(gold, pred, label);
  return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
}

/** Label of a score given ascending cut points: below cuts[0] → labels[0], and so on. */
export function cut(score: number, cuts: readonly number[], labels: readonly string[]): string {
  let i = 0;
  while (i < cuts.length && score >= cuts[i]!) i++;
  return labels[i]!;
}

/** Candidate cut points: midpoints between distinct scores, thinned to at most ~200. */
function candidates(scores: readonly number[]): number[] {
  const distinct = [...new Set(scores)].sort((a, b) => a - b);
  const step = Math.max(1, Math.floor(distinct.length / 200));
  const out: number[] = [distinct[0]! - 1];
  for (let i = 0; i + 1 < distinct.length; i += step) out.push((distinct[i]! + distinct[i + 1]!) / 2);
  out.push(distinct.at(-1)! + 1);
  return out;
}

/** The cut points (1 for two labels, 2 for three) that maximise macro-F1 on these scores. */
export function bestCuts(scores: readonly number[], gold: readonly string[], labels: readonly string[]): { cuts: number[]; macroF1: number } {
  const cands = candidates(scores);
  let best = { cuts: [0], macroF1: -1 };
  const evaluate = (cuts: number[]) => {
    const pred = scores.map((s) => cut(s, cuts, labels));
    const { macroF1 } = scoresOf(gold, pred, labels);
    if (macroF1 > best.macroF1) best = { cuts, macroF1 };
  };
  if (labels.length === 2) for (const c of cands) evaluate([c]);
  else {
    // Coarse grid, then refine around the best pair.
    const coarse = cands.filter((_, i) => i % 4 === 0);
    for (let i = 0; i < coarse.length; i++) for (let j = i; j < coarse.length; j++) evaluate([coarse[i]!, coarse[j]!]);
    const [a, b] = best.cuts as [number, number];
    const near = (x: number) => {
      const k = cands.indexOf(cands.reduce((p, c) => (Math.abs(c - x) < Math.abs(p - x) ? c : p)));
      return cands.slice(Math.max(0, k - 6), k + 7);
    };
    for (const x of near(a)) for (const y of near(b)) if (x <= y) evaluate([x, y]);
  }
  return best;
}
