const END = /[.!?。！？\n]/u;

/** The sentence of `text` around [start, end), trimmed: the context kept with a flag. */
export function sentenceAround(text: string, start: number, end: number, max = 400): string {
  let from = start;
  while (from > 0 && start - from < max && !END.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && to - end < max && !END.test(text[to]!)) to++;
  if (to < text.length && text[to] !== '\n') to++; // keep the closing punctuation
  return text.slice(from, to).trim();
}
