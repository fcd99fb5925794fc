import { describe, expect, test } from 'vitest';
import { readPhrasebookDir } from '../../lib/phrasebook/read-dir';
import { compilePhrasebook } from '../../lib/phrasebook/engine';
import { contextKey, dismissalKey, findingsIn, ruleEntries, rulesVersion, type DraftContext } from '../../lib/draft-analysis';
import { LocalAnalysis } from '../../lib/local-analysis';
import { draftReplySchema, type DraftReply, type DraftSnapshot } from '../../lib/protocol';

const { entries } = readPhrasebookDir('phrasebook');
const shipped = compilePhrasebook(entries, { skipInvalid: true });
const rules = { version: rulesVersion(ruleEntries(shipped.entries)), entries: ruleEntries(shipped.entries) };

const base: DraftContext = { channel: 'email', tones: [], type: null, minSeverity: 'hint', dismissed: [] };
const snap = (draft: string, over: Partial<DraftSnapshot> = {}): DraftSnapshot => ({
  site: 'demo',
  conversationId: 'T-1',
  url: 'http://127.0.0.1/helpdesk/?c=T-1',
  channel: 'email',
  draft,
  draftLength: draft.length,
  customer: [{ text: 'My order never came and nobody answers.' }],
  ...over,
});
const DRAFT = 'Unfortunately that is our policy. You should have read the terms. Calm down, please.';

/** A LocalAnalysis whose deferred compiles run when `run()` is called, as the page's idle callback would. */
function local() {
  const queue: (() => void)[] = [];
  const analysis = new LocalAnalysis((fn) => queue.push(fn));
  return { analysis, run: () => queue.splice(0).forEach((fn) => fn()), queued: () => queue.length };
}
const reply = (over: Partial<DraftReply> = {}): DraftReply => ({ seq: 1, findings: [], context: base, rules, ...over });

test('the rules reach the page whole: the reply schema keeps every field the engine reads (unless, when, ...)', () => {
  const parsed = draftReplySchema.parse({ seq: 1, findings: [], rules });
  expect(parsed.rules!.entries).toEqual(rules.entries);
  expect(rules.entries.some((e) => e.unless?.length)).toBe(true);
});

describe('findingsIn: one analysis for the background and the page', () => {
  test('the shipped phrasebook flags the draft, and a higher minimum severity hides the lesser findings', () => {
    const all = findingsIn(shipped, DRAFT, base);
    expect(all.length).toBeGreaterThan(1);
    const risks = findingsIn(shipped, DRAFT, { ...base, minSeverity: 'risk' });
    expect(risks.length).toBeLessThan(all.length);
    expect(risks.every((f) => f.severity === 'risk')).toBe(true);
  });

  test('a dismissed phrase stays hidden whatever its case; others stay', () => {
    const all = findingsIn(shipped, DRAFT, base);
    const first = all[0]!;
    const after = findingsIn(shipped, DRAFT, { ...base, dismissed: [dismissalKey(first.entryId, first.text.toUpperCase())] });
    expect(after.map((f) => f.key)).toEqual(all.slice(1).map((f) => f.key));
  });

  test("entries with `when` fire only in the context they name", () => {
    const conditional = shipped.entries.find((e) => e.when?.tones && e.tests?.match.length)!;
    expect(conditional, 'the shipped phrasebook has a tone-conditional entry with a test').toBeDefined();
    const text = conditional.tests!.match[0]!;
    const ids = (ctx: DraftContext) => findingsIn(shipped, text, ctx).map((f) => f.entryId);
    expect(ids({ ...base, channel: null, tones: [] })).not.toContain(conditional.id);
    const ctx: DraftContext = { ...base, channel: conditional.when!.channel ?? null, tones: conditional.when!.tones!, type: conditional.when!.types?.[0] ?? null };
    expect(ids(ctx)).toContain(conditional.id);
  });
});

describe('LocalAnalysis: the page matches by itself once the background sent rules and a context', () => {
  test('nothing locally until the rules are compiled (in the deferred callback) and a context is known', () => {
    const { analysis, run, queued } = local();
    expect(analysis.findings(snap(DRAFT))).toBeNull();
    analysis.learn(snap(DRAFT), reply());
    expect(queued()).toBe(1);
    expect(analysis.findings(snap(DRAFT))).toBeNull(); // not compiled yet: never on a keystroke
    run();
    expect(analysis.version).toBe(rules.version);
    expect(analysis.findings(snap(DRAFT))).toEqual(findingsIn(shipped, DRAFT, base));
  });

  test('the same rules again are not compiled again; changed rules are', () => {
    const { analysis, run, queued } = local();
    analysis.learn(snap(DRAFT), reply());
    run();
    analysis.learn(snap(DRAFT), reply());
    expect(queued()).toBe(0);
    const fewer = ruleEntries(shipped.entries).filter((e) => e.id !== findingsIn(shipped, DRAFT, base)[0]!.entryId);
    analysis.learn(snap(DRAFT), reply({ rules: { version: rulesVersion(fewer), entries: fewer } }));
    run();
    expect(analysis.version).toBe(rulesVersion(fewer));
    expect(analysis.findings(snap(DRAFT))!.length).toBe(findingsIn(shipped, DRAFT, base).length - 1);
  });

  test('another conversation, channel or customer message needs the background first; so does a dismissal', () => {
    const { analysis, run } = local();
    analysis.learn(snap(DRAFT), reply());
    run();
    expect(analysis.findings(snap('Calm down.'))).not.toBeNull(); // same conversation, new draft
    expect(analysis.findings(snap(DRAFT, { conversationId: 'T-2' }))).toBeNull();
    expect(analysis.findings(snap(DRAFT, { channel: 'chat' }))).toBeNull();
    expect(analysis.findings(snap(DRAFT, { customer: [{ text: 'Where is my refund??' }] }))).toBeNull();
    analysis.forgetContext();
    expect(analysis.findings(snap(DRAFT))).toBeNull();
  });

  test('the context the background used (a dismissal in it) is the one applied locally', () => {
    const { analysis, run } = local();
    const first = findingsIn(shipped, DRAFT, base)[0]!;
    analysis.learn(snap(DRAFT), reply({ context: { ...base, dismissed: [dismissalKey(first.entryId, first.text)] } }));
    run();
    expect(analysis.findings(snap(DRAFT))!.map((f) => f.key)).not.toContain(first.key);
  });

  test('contextKey tells conversations and customer words apart', () => {
    expect(contextKey(snap(DRAFT))).toBe(contextKey(snap('other draft')));
    expect(contextKey(snap(DRAFT, { customer: [] }))).not.toBe(contextKey(snap(DRAFT)));
  });
});

describe('the reply on the draft port', () => {
  test('the shipped rules, as the background sends them, pass the content script’s schema', () => {
    const parsed = draftReplySchema.safeParse(JSON.parse(JSON.stringify(reply({ findings: findingsIn(shipped, DRAFT, base) }))));
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
    expect(parsed.data!.rules!.entries.some((e) => 'tests' in e)).toBe(false);
  });

  test('rulesVersion changes when any entry changes', () => {
    const changed = ruleEntries(shipped.entries).map((e, i) => (i === 7 ? { ...e, why: e.why + '!' } : e));
    expect(rulesVersion(changed)).not.toBe(rules.version);
    expect(rulesVersion(ruleEntries(shipped.entries))).toBe(rules.version);
  });
});
