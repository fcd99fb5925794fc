import type { Channel } from '../phrasebook/schema';
import type { Prepared } from './text';
import type { Reading } from './tones';

// Register (formal or colloquial) and a channel hint (a letter's opener and sign-off, a quoted
// reply, or a short chat line), so the agent can answer in kind.

export function readRegister(view: string, reading: Reading): 'formal' | 'colloquial' {
  let formal = 0;
  let colloquial = 0;
  for (const c of reading.cues) {
    if (c.cue === 'formal' || c.cue === 'email') formal += c.weight;
    else if (c.cue === 'colloquial') colloquial += c.weight;
  }
  const trimmed = view.trim();
  if (!trimmed) return 'colloquial';
  // Surface features: emoji, "!!", all lower case, missing final punctuation, contractions.
  if (/\p{Extended_Pictographic}/u.test(trimmed)) colloquial += 0.7;
  if (/[!?]{2,}/.test(trimmed)) colloquial += 0.5;
  if (/\b(?:[a-z]+(?:'[a-z]+)?)\b/.test(trimmed) && trimmed === trimmed.toLowerCase() && /[a-z]{3}/.test(trimmed)) colloquial += 0.6;
  if (/\b\w+n't\b|\b(?:i'm|it's|you're|that's|we're|they're|i've)\b/i.test(trimmed)) colloquial += 0.3;
  // Swearing and insults are not the language of a formal letter, however well punctuated.
  if (reading.swearing.length || reading.abuse.length) colloquial += 0.6;
  if (/^[A-ZÅÄÖ\p{Script=Han}]/u.test(trimmed) && /[.。]$/.test(trimmed)) formal += 0.4;
  if (trimmed.length > 300) formal += 0.3;
  return formal > colloquial ? 'formal' : 'colloquial';
}

export function readChannel(prepared: Prepared, reading: Reading): Channel | null {
  const email = reading.cues.filter((c) => c.cue === 'email').reduce((s, c) => s + c.weight, 0);
  if (prepared.quoted && /^\s*(?:On\b|Den\b|From:|-{2,})|写道/m.test(prepared.original)) return 'email';
  if (email >= 1) return 'email';
  // A sign-off line ("Thanks,\nAnna") or a salutation line ("Hi Anna,") frames a letter.
  const view = prepared.view.trim();
  if (/^(?:dear|hi|hello|hej|hejsan)\b[^\n]{0,40},\s*\n/i.test(view) && /\n\s*(?:thanks|thank you|cheers|best|br|\/\/|mvh|tack)[^\n]{0,20}\n\s*[^\n]{1,40}$/i.test(view)) return 'email';
  if (view.length > 0 && view.length < 160 && !view.includes('\n')) return 'chat';
  return null;
}
