// `npm run eval`: Tact's customer classifier against VADER, AFINN (`sentiment`) and
// wink-sentiment on the public labeled sets in ../shared/datasets, all in this run.
//
// Fairness: every system turns a text into numeric scores; the mapping from scores to a dataset's
// labels (which score, which cut points) is chosen per system per dataset on the TRAIN split to
// maximise macro-F1, then applied unchanged to the TEST split, which is what the table reports.
// On offensive-en that includes Tact: OLID's "offensive" covers any profanity or insult, aimed or
// not, so Tact is mapped from its hostility score (scripts/eval/systems.ts), cut on TRAIN like the
// peers' scores. The abuse verdict is not tuned and is reported on its own, as precision and recall
// against "offensive" on TRAIN (where its rules were shaped, see scripts/eval/abuse-dev.ts) and TEST:
// abuse detected (level != none: swearing, profanity, insult, threat, the issue's "abuse"), and the
// part of it aimed at a person, which starts the agent's protocol at once.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { DATASETS, load, type DatasetSpec, type Example } from './eval/data';
import { bestCuts, cut, precisionFor, scoresOf, wilson } from './eval/metrics';
import { PEERS, TACT, TACT_LEXICON_ONLY, type Output, type System } from './eval/systems';

interface Row {
  dataset: string;
  system: string;
  accuracy: number;
  macroF1: number;
  perSecond: number;
  msPerMessage: number;
  mapping: string;
  isPeer: boolean;
}

function runAll(system: System, examples: Example[]): Output[] {
  return examples.map((e) => system.run(e.text));
}

/**
 * Milliseconds for the whole set, timed on a pass of its own that keeps no results (as a service
 * worker keeps a handful), after warm-up passes (JIT, lazy lexicon compile; one pass over a few
 * hundred tweets left Tact's code half-optimised: 0.2 ms a message on the first pass, 0.06 by the
 * fifth, profiled), the same for every system; best of three.
 */
const WARM_UP_PASSES = 3;

function timeAll(system: System, examples: Example[]): number {
  let sink = 0;
  for (let w = 0; w < WARM_UP_PASSES; w++) for (const e of examples) sink += Object.keys(system.run(e.text).scores).length;
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    for (const e of examples) sink += Object.keys(system.run(e.text).scores).length;
    best = Math.min(best, performance.now() - t0);
  }
  if (sink < 0) process.stderr.write('');
  return best;
}

function fmtCuts(cuts: number[]): string {
  return cuts.map((c) => (Math.abs(c) >= 10 ? c.toFixed(1) : c.toFixed(3))).join(', ');
}

type Abuse = ReturnType<typeof precisionFor>;

type AbuseRead = 'detected' | 'aimed';
const ABUSE_READS: Record<AbuseRead, (level: string) => boolean> = {
  detected: (level) => level !== 'none',
  aimed: (level) => level !== 'none' && level !== 'swearing',
};

/** The abuse verdict as a prediction of "offensive": any level, or only what is aimed at a person. */
function abuseOf(out: Output[], examples: Example[], read: AbuseRead): Abuse {
  const pred = out.map((o) => (ABUSE_READS[read](o.verdict!.abuse.level) ? 'offensive' : 'not_offensive'));
  return precisionFor(
    examples.map((e) => e.label),
    pred,
    'offensive',
  );
}

/** Accuracy of the TEST predictions the verdict was sure of, and of those it marked unsure. */
interface Calibration {
  sure: { n: number; correct: number };
  unsure: { n: number; correct: number };
}

function calibrationOf(out: Output[], pred: string[], gold: string[]): Calibration {
  const c: Calibration = { sure: { n: 0, correct: 0 }, unsure: { n: 0, correct: 0 } };
  out.forEach((o, i) => {
    const bucket = o.verdict!.unsure ? c.unsure : c.sure;
    bucket.n++;
    if (pred[i] === gold[i]) bucket.correct++;
  });
  return c;
}

function evaluate(
  spec: DatasetSpec,
  system: System,
  train: Example[],
  test: Example[],
  isPeer: boolean,
): Row & { abuse?: Record<AbuseRead, { train: Abuse; test: Abuse }>; calibration?: Calibration } {
  const trainOut = runAll(system, train);
  const testOut = runAll(system, test);
  const ms = timeAll(system, test);
  const gold = test.map((e) => e.label);
  let best: { key: string; cuts: number[]; macroF1: number } | undefined;
  const trainGold = train.map((e) => e.label);
  for (const key of Object.keys(trainOut[0]!.scores)) {
    const r = bestCuts(trainOut.map((o) => o.scores[key]!), trainGold, spec.labels);
    if (!best || r.macroF1 > best.macroF1) best = { key, ...r };
  }
  const pred = testOut.map((o) => cut(o.scores[best!.key]!, best!.cuts, spec.labels));
  const mapping = `${spec.labels.join(' < ')} by ${best!.key} cut at ${fmtCuts(best!.cuts)} (train macro-F1 ${best!.macroF1.toFixed(3)})`;
  const abuseFor = (read: AbuseRead) => ({ train: abuseOf(trainOut, train, read), test: abuseOf(testOut, test, read) });
  const abuse = spec.name === 'offensive-en' && !isPeer ? { detected: abuseFor('detected'), aimed: abuseFor('aimed') } : undefined;
  const { accuracy, macroF1 } = scoresOf(gold, pred, spec.labels);
  const calibration = isPeer ? undefined : calibrationOf(testOut, pred, gold);
  return { dataset: spec.name, system: system.name, accuracy, macroF1, perSecond: (test.length / ms) * 1000, msPerMessage: ms / test.length, mapping, isPeer, abuse, calibration };
}

const pct = (n: number) => (n * 100).toFixed(1);

function main() {
  const rows: Row[] = [];
  const abuseRows: { system: string; read: AbuseRead; train: Abuse; test: Abuse }[] = [];
  const calibrationRows: { dataset: string; calibration: Calibration }[] = [];
  const systems: [System, boolean][] = [[TACT, false], [TACT_LEXICON_ONLY, false], ...PEERS.map((p): [System, boolean] => [p, true])];
  for (const spec of DATASETS) {
    const train = load(spec, 'train');
    const test = load(spec, 'test');
    process.stderr.write(`${spec.name}: ${train.length} train, ${test.length} test\n`);
    for (const [system, isPeer] of systems) {
      const r = evaluate(spec, system, train, test, isPeer);
      rows.push(r);
      if (r.abuse) for (const read of ['detected', 'aimed'] as const) abuseRows.push({ system: system.name, read, ...r.abuse[read] });
      if (r.calibration && system === TACT) calibrationRows.push({ dataset: spec.name, calibration: r.calibration });
    }
  }

  const out: string[] = [];
  out.push('## Tact classifier evaluation (TEST splits; mappings chosen on TRAIN)\n');
  out.push('| dataset | system | accuracy | macro-F1 | messages/s | ms/message |');
  out.push('| --- | --- | ---: | ---: | ---: | ---: |');
  for (const r of rows) out.push(`| ${r.dataset} | ${r.system} | ${pct(r.accuracy)} | ${pct(r.macroF1)} | ${Math.round(r.perSecond).toLocaleString('en-US')} | ${r.msPerMessage.toFixed(4)} |`);

  out.push('\n### Abuse verdict on offensive-en (not tuned)\n');
  out.push('"detected": abuse.level != none (swearing at no one, swearing at the reader, an insult, a threat). "aimed": all but swearing at no one,');
  out.push('what starts the agent\'s protocol at once. OLID "offensive" also covers insults aimed at no one ("politicians are idiots"), which');
  out.push('Tact reads as anger only, so recall stays low by design. The rules were shaped on TRAIN (scripts/eval/abuse-dev.ts).\n');
  out.push('| system | abuse | split | flagged | precision | precision, 95% interval (Wilson) | recall |');
  out.push('| --- | --- | --- | ---: | ---: | ---: | ---: |');
  for (const a of abuseRows)
    for (const split of ['train', 'test'] as const) {
      const [lo, hi] = wilson(Math.round(a[split].precision * a[split].predicted), a[split].predicted);
      out.push(`| ${a.system} | ${a.read} | ${split.toUpperCase()} | ${a[split].predicted} | ${a[split].precision.toFixed(3)} | ${lo.toFixed(2)}–${hi.toFixed(2)} | ${a[split].recall.toFixed(3)} |`);
    }

  out.push('\n### Does "unsure" mean unsure? (Tact, TEST, the mapping above)\n');
  out.push('A verdict marked unsure is the one the panel offers to Claude; it should be right less often than the others.\n');
  out.push('| dataset | sure: messages | sure: accuracy | unsure: messages | unsure: accuracy |');
  out.push('| --- | ---: | ---: | ---: | ---: |');
  const acc = (b: { n: number; correct: number }) => (b.n ? pct(b.correct / b.n) : '–');
  for (const { dataset, calibration: c } of calibrationRows) out.push(`| ${dataset} | ${c.sure.n} | ${acc(c.sure)} | ${c.unsure.n} | ${acc(c.unsure)} |`);

  out.push('\n### Mappings (label order is low score to high score)\n');
  for (const r of rows) out.push(`- ${r.dataset} · ${r.system}: ${r.mapping}`);
  out.push(`- Score candidates: ${[TACT, ...PEERS].map((s) => `${s.name}: ${s.scores}`).join('; ')}.`);
  out.push('- Peers read English only; on zh and sv they still run and are scored the same way.');
  out.push(
    '- "Tact" uses the learned word weights in lib/classify/learned/ (en: complaints-en + airline-sentiment-en train; zh: waimai-zh train; sv: none, the hand lexicon alone); "Tact, lexicon only" switches them off.',
  );
  out.push(`- Speed: one pass over the test texts keeping no results, best of three, after three warm-up passes; node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)} (other work on the machine slows every system).`);

  out.push('\n### Goals\n');
  const check = (ok: boolean, text: string) => out.push(`- [${ok ? 'x' : ' '}] ${ok ? 'MET' : 'NOT MET'}: ${text}`);
  for (const spec of DATASETS) {
    const tact = rows.find((r) => r.dataset === spec.name && r.system === TACT.name)!;
    const peers = rows.filter((r) => r.dataset === spec.name && r.isPeer);
    const best = peers.reduce((a, b) => (b.macroF1 > a.macroF1 ? b : a));
    const margin = spec.complaint ? 0.1 : 0;
    const diff = tact.macroF1 - best.macroF1;
    check(
      diff > margin || (margin === 0 && diff > 0),
      `${spec.name}: Tact macro-F1 ${pct(tact.macroF1)} vs best peer ${best.system} ${pct(best.macroF1)} (${diff >= 0 ? '+' : ''}${pct(diff)} points; goal ${spec.complaint ? '+10' : '> 0'})`,
    );
  }
  const abuse = abuseRows.find((a) => a.system === TACT.name && a.read === 'detected');
  const aimed = abuseRows.find((a) => a.system === TACT.name && a.read === 'aimed');
  if (abuse && aimed)
    check(
      abuse.test.precision >= 0.9,
      `abuse detection precision/recall on offensive-en TEST ${abuse.test.precision.toFixed(3)} / ${abuse.test.recall.toFixed(3)}, ${abuse.test.predicted} flagged, ` +
        `precision 95% interval ${wilson(Math.round(abuse.test.precision * abuse.test.predicted), abuse.test.predicted).map((x) => x.toFixed(2)).join('–')} ` +
        `(goal precision >= 0.9; TRAIN ${abuse.train.precision.toFixed(3)} / ${abuse.train.recall.toFixed(3)}; ` +
        `aimed only: TEST ${aimed.test.precision.toFixed(3)} of ${aimed.test.predicted}, TRAIN ${aimed.train.precision.toFixed(3)} of ${aimed.train.predicted})`,
    );
  const tactRows = rows.filter((r) => r.system === TACT.name);
  const worstMs = Math.max(...tactRows.map((r) => r.msPerMessage));
  check(worstMs < 0.1, `speed: Tact's slowest dataset ${worstMs.toFixed(4)} ms/message (goal < 0.1 ms)`);
  process.stdout.write(out.join('\n') + '\n');
}

main();
