import { describe, expect, test } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { AiRewrites, aiFinding } from '../../components/AiRewrites';
import { ReadingView } from '../../components/AiReading';
import type { CustomerReading } from '../../lib/ai/reading-schema';
import type { AiStatus, AiTabState, TabState } from '../../lib/protocol';

// The AI section as the panel renders it: text from the customer or from Claude is React text, so
// markup in it is shown, never run.

const DRAFT = 'Hi. Unfortunately the parcel is lost <img src=x onerror="alert(1)">.';
const state: TabState = {
  tabId: 3,
  site: 'demo',
  conversationId: 'T-1',
  url: 'http://127.0.0.1/helpdesk/',
  draft: DRAFT,
  draftLength: DRAFT.length,
  customer: [{ text: 'Where is it?' }],
  findings: [],
  verdict: null,
  updatedAt: 0,
};
const on: AiStatus = { keySet: true, keyHint: 'ABCD', model: 'claude-haiku-5-5', baseURL: null };
const sentence = { start: 4, end: DRAFT.length, text: DRAFT.slice(4) };
const ai = (over: Partial<AiTabState>): AiTabState => ({
  tabId: 3,
  conversationId: 'T-1',
  status: 'done',
  sentence,
  model: 'claude-haiku-5-5',
  rewrites: [],
  updatedAt: 0,
  ...over,
});
const render = (a: AiTabState | null, status: AiStatus | null = on) =>
  renderToStaticMarkup(<AiRewrites state={state} ai={a} status={status} onApplied={() => {}} />);

describe('AI panel section', () => {
  test('no key: says AI is off and offers no rewrite', () => {
    const html = render(null, { ...on, keySet: false, keyHint: null });
    expect(html).toContain('AI off (no API key)');
    expect(html).not.toContain('Rewrite with AI');
  });

  test('offers Rewrite with AI on the risky sentence, with the cue that picked it', () => {
    const html = render(null);
    expect(html).toContain('data-testid="ai-candidate"');
    expect(html).toContain('opens with bad news');
  });

  test('a sentence whose rewrite was dismissed in this conversation is not offered again', () => {
    const html = renderToStaticMarkup(
      <AiRewrites state={state} ai={null} status={on} onApplied={() => {}} dismissed={new Set([sentence.text.toLowerCase()])} />,
    );
    expect(html).not.toContain('data-testid="ai-candidate"');
    expect(html).toContain('Rewrite another sentence');
  });

  test('the sentence being rewritten is not offered again', () => {
    expect(render(ai({ status: 'asking' }))).not.toContain('data-testid="ai-candidate"');
    expect(render(ai({ status: 'asking', sentence: { start: 0, end: 3, text: 'Hi.' } }))).toContain('data-testid="ai-candidate"');
  });

  test('markup in the draft or in a rewrite is text, never HTML', () => {
    const html = render(ai({ rewrites: [{ text: 'Sorry! <script>alert(2)</script><b>bold</b>', why: '<i>why</i>' }] }));
    expect(html).not.toMatch(/<img|<script|<b>|<i>/);
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=');
  });

  test.each([
    [ai({ status: 'asking', rewrites: [{ text: 'I am so', why: '' }] }), ['Asking Claude', 'I am so']],
    [ai({ status: 'failed', error: { kind: 'offline', message: 'x' } }), ['Offline: the Claude API cannot be reached.']],
    [ai({ status: 'failed', error: { kind: 'bad-key', message: 'The Claude API key was refused (401).' } }), ['AI failed: The Claude API key was refused (401).']],
    [ai({ status: 'failed', error: { kind: 'rate-limited', message: 'x', retryAfterS: 30, retryAt: Date.now() + 30_000 } }), ['Rate limited: retry in 30 s.']],
    [ai({ status: 'done', rewrites: [], unsure: true }), ['Claude had no better way to say']],
    [ai({ status: 'done', rewrites: [{ text: 'I will fix it today.', why: 'Commits.' }] }), ['data-source="ai"', '>AI<', 'I will fix it today.', 'Commits.']],
    [
      ai({ status: 'done', rewrites: [{ text: 'I will fix it today.', why: 'Commits.' }], leftOut: [{ phrase: 'I understand, but', why: 'Dismisses what was said.', entryId: 'x' }] }),
      ['I will fix it today.', 'One of Claude’s rewrites was left out: your phrasebook flags “I understand, but” (Dismisses what was said.).'],
    ],
    [
      ai({ status: 'done', rewrites: [], leftOut: [{ phrase: '<b>as per</b>', why: 'Stiff.', entryId: 'x' }] }),
      ['Claude’s rewrites were all left out: your phrasebook flags “&lt;b&gt;as per&lt;/b&gt;” (Stiff.). Write it yourself, or ask again.'],
    ],
  ])('state %#', (a, texts) => {
    const html = render(a);
    for (const text of texts) expect(html).toContain(text);
  });

  test('the AI card is a finding over the sentence, source ai', () => {
    expect(aiFinding(ai({ rewrites: [{ text: 'A', why: 'a' }, { text: 'B', why: 'b' }], locale: 'en' }))).toMatchObject({
      key: 'ai@4',
      entryId: 'ai:claude-haiku-5-5',
      start: 4,
      end: DRAFT.length,
      text: sentence.text,
      suggestions: ['A', 'B'],
      source: 'ai',
      locale: 'en',
    });
  });

  test('Firefox consent missing: says so, and offers no rewrite', () => {
    const html = render(null, { ...on, dataConsent: false });
    expect(html).toContain('Firefox does not allow Tact to send data to Claude');
    expect(html).not.toContain('Rewrite with AI');
  });
});

describe("Claude's reading", () => {
  const reading: CustomerReading = {
    language: 'German',
    tones: [{ tone: 'frustrated', strength: 'strong', evidence: ['<img src=x onerror="alert(1)">'] }],
    customerType: { type: 'loyal-at-risk', evidence: ['seit zwölf Jahren'], approach: 'Acknowledge the history.' },
    abuse: 'insult',
    abuseEvidence: ['<b>Idioten</b>'],
    wants: '<script>alert(2)</script> a refund',
    unsure: false,
    dropped: 2,
    model: 'claude-haiku-5-5',
    cached: true,
  };
  const html = renderToStaticMarkup(<ReadingView reading={reading} onHide={() => {}} />);

  test('shows every label with its quotes, the advice, the abuse protocol, what was left out', () => {
    for (const text of ['German', 'from cache', 'data-tone="frustrated"', 'strong', 'data-type="loyal-at-risk"', '“seit zwölf Jahren”', 'Acknowledge the history.', 'Abuse (insult)', 'Warn once', '2 labels were left out'])
      expect(html).toContain(text);
  });

  test('quotes and "wants" from Claude are text, never HTML', () => {
    expect(html).not.toMatch(/<img|<script|<b>/);
    expect(html).toContain('&lt;img src=x onerror=');
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt; a refund');
  });
});
