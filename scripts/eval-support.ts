// `npx tsx scripts/eval-support.ts`: the classifier on the held-out support threads in
// scripts/eval/support-holdout.ts (never used for tuning), one line a thread and a summary.
import { classifyCustomer } from '../lib/classify';
import { HOLDOUT } from './eval/support-holdout';

let typeOk = 0;
let topOk = 0;
const lines: string[] = [];
for (const c of HOLDOUT) {
  const v = classifyCustomer({ text: c.text, history: c.history });
  const top = v.tones[0]?.tone ?? 'neutral';
  const type = v.customerType?.type ?? null;
  const tOk = type === c.type;
  const pOk = c.top.includes(top);
  if (tOk) typeOk++;
  if (pOk) topOk++;
  const conf = v.customerType ? ` ${v.customerType.confidence.toFixed(2)}` : '';
  lines.push(
    `| ${c.id} | ${c.type ?? '—'} | ${type ?? '—'}${conf} ${tOk ? '✓' : '✗'} | ${c.top.join('/')} | ${top} ${pOk ? '✓' : '✗'} | ${v.unsure ? 'yes' : 'no'} |`,
  );
}
const out = [
  '| thread | expected type | got (confidence) | expected top tone | got | unsure |',
  '| --- | --- | --- | --- | --- | --- |',
  ...lines,
  '',
  `customer type right: ${typeOk}/${HOLDOUT.length}; leading tone acceptable: ${topOk}/${HOLDOUT.length}`,
];
process.stdout.write(out.join('\n') + '\n');
