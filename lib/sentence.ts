const END = /[.!?。！？\n]/u;

/** The [from, to) offsets of the sentence of `text` around [start, end), at most `max` characters either side. */
export function sentenceBounds(text: string, start: number, end: number, max = 400): [number, number] {
  let from = start;
  while (from > 0 && start - from < max && !END.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && to - end < max && !END.test(text[to]!)) to++;
  if (to < text.length && text[to] !== '\n') to++; // keep the closing punctuation
  return [from, to];
}

/** The sentence of `text` around [start, end), trimmed: the context kept with a flag. */
export function sentenceAround(text: string, start: number, end: number, max = 400): string {
  const [from, to] = sentenceBounds(text, start, end, max);
  return text.slice(from, to).trim();
}
