// `npx tsx scripts/eval/abuse-dev.ts [--errors fit|dev] [--verbose]`: the abuse verdict on the
// offensive-en TRAIN split only, cut by a hash of the text into a "fit" part (look at its errors,
// shape the rules on it) and a "dev" part (check that a change carries over). The TEST split is
// not read here; `npm run eval` reports it. Texts are read from ../shared/datasets at run time and
// only printed, never stored.
import { createHash } from 'node:crypto';
import { classifyCustomer } from '../../lib/classify';
import { matcherFor } from '../../lib/classify/matcher';
import { prepare } from '../../lib/classify/text';
import { readTones } from '../../lib/classify/tones';
import { foldText } from '../../lib/classify/trie';
import { DATASETS, load, type Example } from './data';
import { precisionFor } from './metrics';

/** About 30% of train, fixed by the text, for checking; the rest is for shaping. */
export function isDev(text: string): boolean {
  return createHash('sha1').update(`dev:${text}`).digest()[0]! < 77;
}

export function devSplit(train: Example[]): { fit: Example[]; dev: Example[] } {
  const fit: Example[] = [];
  const dev: Example[] = [];
  for (const e of train) (isDev(e.text) ? dev : fit).push(e);
  return { fit, dev };
}

/** Why each abusive word of an English text counts as aimed (see lib/classify/aim.ts). */
function aims(text: string): string[] {
  const { view } = prepare(text);
  const m = matcherFor('en');
  const folded = foldText(view);
  const r = readTones(view, m.main.scan(view, folded), m.cues.scan(view, folded), 'en');
  return [...new Set(r.abuse.map((a) => `${a.level}:${a.aim}`))];
}

/** Abusive words of an English text that were not aimed at anyone (read as anger instead). */
function looseWords(text: string): string[] {
  const { view } = prepare(text);
  const m = matcherFor('en');
  const r = readTones(view, m.main.scan(view, foldText(view)), [], 'en');
  const aimed = new Set(r.abuse.map((a) => a.start));
  const out: string[] = [];
  for (const h of m.main.scan(view, foldText(view))) if (h.values.some((v) => v.kind === 'abuse') && !aimed.has(h.start)) out.push(view.slice(h.start, h.end));
  return out;
}

function main() {
  const args = process.argv.slice(2);
  const show = args.includes('--errors') ? args[args.indexOf('--errors') + 1] : undefined;
  const spec = DATASETS.find((d) => d.name === 'offensive-en')!;
  const { fit, dev } = devSplit(load(spec, 'train'));
  for (const [name, set] of [['fit', fit], ['dev', dev], ['train (all)', [...fit, ...dev]]] as const) {
    const verdicts = set.map((e) => classifyCustomer({ text: e.text }));
    const pred = verdicts.map((v) => (v.abuse.level !== 'none' ? 'offensive' : 'not_offensive'));
    const gold = set.map((e) => e.label);
    const r = precisionFor(gold, pred, 'offensive');
    const levels = new Map<string, [number, number]>();
    verdicts.forEach((v, i) => {
      if (v.abuse.level === 'none') return;
      const l = levels.get(v.abuse.level) ?? [0, 0];
      l[gold[i] === 'offensive' ? 0 : 1]++;
      levels.set(v.abuse.level, l);
    });
    const byLevel = [...levels].map(([l, [tp, fp]]) => `${l} ${tp}/${tp + fp}`).join(', ');
    // By reason: a message counts once for each reason any of its words is aimed.
    const reasons = new Map<string, [number, number]>();
    set.forEach((e, i) => {
      for (const why of aims(e.text)) {
        const l = reasons.get(why) ?? [0, 0];
        l[gold[i] === 'offensive' ? 0 : 1]++;
        reasons.set(why, l);
      }
    });
    process.stdout.write(
      `${name}: n=${set.length} offensive=${gold.filter((g) => g === 'offensive').length} predicted=${r.predicted} precision=${r.precision.toFixed(3)} recall=${r.recall.toFixed(3)} (${byLevel})\n` +
        `  by reason (offensive/flagged): ${[...reasons].sort().map(([k, [tp, fp]]) => `${k} ${tp}/${tp + fp}`).join(', ')}\n`,
    );
    if (show === name) {
      for (let i = 0; i < set.length; i++) {
        const v = verdicts[i]!;
        const p = pred[i] === 'offensive';
        const g = gold[i] === 'offensive';
        if (p && !g) process.stdout.write(`  FP [${v.abuse.level}: ${v.abuse.evidence.map((e) => e.text).join(' | ')}] ${set[i]!.text.replace(/\s+/g, ' ')}\n`);
        if (args.includes('--loose') && !p && looseWords(set[i]!.text).length)
          process.stdout.write(`  ${g ? 'FN' : 'TN'} loose [${looseWords(set[i]!.text).join(' | ')}] ${set[i]!.text.replace(/\s+/g, ' ')}\n`);
        if (args.includes('--verbose') && !p && g) process.stdout.write(`  FN ${set[i]!.text.replace(/\s+/g, ' ')}\n`);
        if (args.includes('--tp') && p && g) process.stdout.write(`  TP [${v.abuse.level}: ${v.abuse.evidence.map((e) => e.text).join(' | ')}] ${set[i]!.text.replace(/\s+/g, ' ')}\n`);
      }
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
