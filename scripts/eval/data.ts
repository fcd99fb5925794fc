import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The public labeled sets in ../shared/datasets (see its README.md), read at run time and never
// copied into the project.

export interface Example {
  text: string;
  label: string;
}

export interface DatasetSpec {
  name: string;
  language: 'en' | 'zh' | 'sv';
  /** Labels from most negative to most positive; for binary sets the first is the "negative" side. */
  labels: readonly string[];
  /** A complaint set: the goal there is 10 macro-F1 points above the best peer. */
  complaint: boolean;
  licence: string;
}

export const DATASETS: readonly DatasetSpec[] = [
  { name: 'complaints-en', language: 'en', labels: ['complaint', 'not_complaint'], complaint: true, licence: 'research use (Preotiuc-Pietro et al. 2019)' },
  { name: 'airline-sentiment-en', language: 'en', labels: ['negative', 'neutral', 'positive'], complaint: true, licence: 'CC BY-NC-SA 4.0' },
  { name: 'offensive-en', language: 'en', labels: ['offensive', 'not_offensive'], complaint: false, licence: 'research use (TweetEval)' },
  { name: 'waimai-zh', language: 'zh', labels: ['negative', 'positive'], complaint: false, licence: 'research use (ChineseNlpCorpus)' },
  { name: 'sentiment-sv', language: 'sv', labels: ['negative', 'neutral', 'positive'], complaint: false, licence: 'research or hobby use (Berggren 2023)' },
];

const HERE = fileURLToPath(new URL('.', import.meta.url));

/** ../shared/datasets beside the repo (or TACT_DATASETS). */
export function datasetsDir(): string {
  const candidates = [process.env.TACT_DATASETS, resolve(HERE, '../../../shared/datasets'), '/work/shared/datasets'].filter(
    (d): d is string => !!d,
  );
  const dir = candidates.find((d) => existsSync(join(d, 'README.md')) || existsSync(join(d, 'complaints-en')));
  if (!dir) throw new Error(`datasets not found; looked in ${candidates.join(', ')} (set TACT_DATASETS)`);
  return dir;
}

export function load(spec: DatasetSpec, split: 'train' | 'test'): Example[] {
  const file = join(datasetsDir(), spec.name, `${split}.jsonl`);
  const out: Example[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const o = JSON.parse(line) as { text?: unknown; label?: unknown };
    if (typeof o.text === 'string' && typeof o.label === 'string' && spec.labels.includes(o.label)) out.push({ text: o.text, label: o.label });
  }
  return out;
}
