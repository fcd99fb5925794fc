// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { SiteAdapter } from '../../lib/sites/adapter';
import { activeEditor, adapterFor, SITE_ADAPTERS } from '../../lib/sites';
import { HELPDESK_MATCHES, LOCAL_MATCHES } from '../../lib/hosts';
import type { CustomerMessage } from '../../lib/protocol';
import { lastMessages, messageText } from '../../lib/sites/common/dom';

// Each adapter against a stored page shaped like its site (tests/fixtures/sites/<id>.html): a
// thread with customer and agent messages, an internal note where the site has them, the reply
// editor with a draft, and a second or hidden editor that must not count.

interface Case {
  id: string;
  /** A page of the site, and one of another site the adapter must not claim. */
  url: string;
  otherUrl: string;
  /** The reply editor in the fixture, and every editor findEditors should give (default: just it). */
  editor: string;
  editors?: string[];
  customer: CustomerMessage[];
  channel: 'chat' | 'email' | null;
  conversationId: string;
  /** The site's messages (the last match is the customer's last message), to grow the thread. */
  messages: string;
  /** What the support side sent, for adapters that read it (chat: the checklist counts it). */
  agent?: string[];
}

const CASES: Case[] = [
  {
    id: 'demo',
    url: 'http://127.0.0.1:4173/helpdesk/?c=T-1042',
    otherUrl: 'https://acme.zendesk.com/agent/tickets/123',
    editor: '#reply',
    customer: [
      {
        text: "I've ordered from you for eight years and never complained. This is the third parcel in a row that arrived crushed.",
        author: 'Margaret Ellis',
        time: '2026-11-20T08:12:00Z',
      },
      {
        text: "Logged it? Nothing has happened since. Honestly I'm close to moving my orders to another shop. Is anyone actually reading this?",
        author: 'Margaret Ellis',
        time: '2026-11-21T07:55:00Z',
      },
    ],
    channel: 'email',
    agent: ['Thanks Margaret, I have logged the damage report.'],
    conversationId: 'T-1042',
    messages: '[data-tact-message]',
  },
  {
    id: 'zendesk',
    url: 'https://acme.zendesk.com/agent/tickets/123',
    otherUrl: 'https://acme.freshdesk.com/a/tickets/4711',
    editor: '[data-ticket-id="123"] [data-test-id="omnicomposer-rich-text-ckeditor"]',
    customer: [
      { text: 'The vase arrived in pieces. This is the third time.', author: 'Margaret Ellis', time: '2026-11-20T08:12:00Z' },
      { text: 'Still nothing. I want a refund, not another form.', author: 'Margaret Ellis', time: '2026-11-21T07:45:00Z' },
    ],
    channel: 'email',
    agent: ['Thanks Margaret, I have logged the damage.'],
    conversationId: '123',
    messages: '[data-ticket-id="123"] [data-test-id="omni-log-comment-item"]',
  },
  {
    id: 'freshdesk',
    url: 'https://acme.freshdesk.com/a/tickets/4711',
    otherUrl: 'https://app.intercom.com/a/inbox/abc123/inbox/conversation/215470000000777',
    editor: '[data-test-id="reply-editor"] .fr-element',
    customer: [
      { text: 'Hello, My card was charged twice for order 5521.', author: 'Priya Nair', time: '2026-11-19T14:02:00Z' },
      { text: 'It is still there and my rent is due. Please fix this today.', author: 'Priya Nair', time: '2026-11-21T08:30:00Z' },
    ],
    channel: 'email',
    agent: ["Hi Priya, I've asked billing to check."],
    conversationId: '4711',
    messages: '[data-album]',
  },
  {
    id: 'intercom',
    url: 'https://app.intercom.com/a/inbox/abc123/inbox/shared/all/conversation/215470000000777',
    otherUrl: 'https://secure.helpscout.net/conversation/2203344/1187/',
    editor: '[data-composer-type="reply"] .ProseMirror',
    customer: [
      { text: 'Hi, the export button does nothing.', author: 'Leo Park', time: '2026-11-21T10:00:00Z' },
      { text: 'Chrome. This is urgent, my report is due at noon!', author: 'Leo Park', time: '2026-11-21T10:04:00Z' },
    ],
    channel: 'chat',
    agent: ['Which browser are you on?'],
    conversationId: '215470000000777',
    messages: '[data-part-id]',
  },
  {
    id: 'helpscout',
    url: 'https://secure.helpscout.net/conversation/2203344/1187/?folderId=471644',
    otherUrl: 'https://app.frontapp.com/open/cnv_7x2k9',
    editor: '#reply-editor .redactor-editor',
    customer: [
      { text: 'You cancelled my plan without asking. I lost all my projects!', author: 'Jonas Weber', time: '2026-11-20T16:20:00Z' },
      { text: 'Any news? My client presentation is tomorrow.', author: 'Jonas Weber', time: '2026-11-21T07:00:00Z' },
    ],
    channel: 'email',
    agent: ['Hi Jonas, I am looking into it now.'],
    conversationId: '2203344',
    messages: '[data-thread-id]',
  },
  {
    id: 'front',
    url: 'https://app.frontapp.com/inboxes/teammates/1234/inbox/open/0/cnv_7x2k9',
    otherUrl: 'https://mail.google.com/mail/u/0/#inbox',
    editor: '[data-testid="reply-composer"] .ProseMirror',
    customer: [
      { text: 'I ordered a medium and got an XL.', author: 'Chloé Martin', time: '2026-11-19T09:00:00Z' },
      { text: 'The label never came. I need the dress by Saturday.', author: 'Chloé Martin', time: '2026-11-21T12:15:00Z' },
    ],
    channel: 'email',
    agent: ['Sorry Chloé, a return label is on its way.'],
    conversationId: 'cnv_7x2k9',
    messages: '[data-message-id]',
  },
  {
    id: 'gmail',
    url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWbqKsLmPqRsTvWxYz',
    otherUrl: 'https://outlook.office.com/mail/inbox',
    editor: '.ip [g_editable="true"]',
    customer: [
      {
        text: 'Hi, I returned the blender two weeks ago and still have no refund.',
        author: 'Kwame Osei',
        time: 'Thu, Nov 19, 2026, 9:12 AM',
      },
      { text: 'It has been 16 days now. Where is my money?', author: 'Kwame Osei', time: 'Sat, Nov 21, 2026, 8:05 AM' },
    ],
    channel: 'email',
    conversationId: 'FMfcgzQXJWbqKsLmPqRsTvWxYz',
    messages: '[role="listitem"]',
  },
  {
    id: 'outlook',
    url: 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM3ZmYAZS1iNDJmLTc0ZjYtMDACLTAwCgAQAHk0%3D',
    otherUrl: 'https://acme.zendesk.com/agent/tickets/123',
    editor: '#editorParent_1 [contenteditable]',
    customer: [
      { text: 'Our invoice 2026-311 has no VAT number. Our accountant needs it.', author: 'Greta Holm', time: 'Thu 11/19/2026 2:30 PM' },
      { text: 'Two days and nothing. The books close on Monday.', author: 'Greta Holm', time: 'Sat 11/21/2026 9:10 AM' },
    ],
    channel: 'email',
    conversationId: 'AAQkADAwATM3ZmYAZS1iNDJmLTc0ZjYtMDACLTAwCgAQAHk0=',
    messages: '.aVla3',
  },
  {
    id: 'generic',
    url: 'https://care.acme.example/cases/5521',
    // Generic matches any web page (adapterFor keeps it to enabled origins); not other schemes.
    otherUrl: 'chrome://extensions/',
    editor: '#reply',
    // Without layout, in page order; the notes box is an editable too (nothing says it is not a reply).
    editors: ['#reply', '#notes'],
    customer: [
      { text: 'I am locked out since yesterday.', author: 'Ines Duarte', time: '2026-11-21T06:00:00Z' },
      { text: 'The link has expired already!', author: 'Ines Duarte', time: '2026-11-21T07:10:00Z' },
    ],
    channel: null,
    conversationId: '/cases/5521',
    messages: '[data-author-role]',
  },
];

// Paths from the repository root (vitest's root): happy-dom's import.meta.url is not a file URL.
const fixture = (id: string) => readFileSync(join('tests/fixtures/sites', `${id}.html`), 'utf8');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const adapter = (id: string): SiteAdapter => SITE_ADAPTERS.find((a) => a.id === id)!;
const only = (doc: Document, selector: string) => {
  const found = doc.querySelectorAll(selector);
  expect(found, selector).toHaveLength(1);
  return found[0]!;
};

/** A Chrome match pattern ("*://*.zendesk.com/*") as a test on a URL. */
const patternMatches = (pattern: string, url: URL) => {
  const [, scheme, host] = pattern.match(/^(\*|https?):\/\/([^/]+)\//)!;
  const hostOk = host!.startsWith('*.') ? url.hostname === host!.slice(2) || url.hostname.endsWith(host!.slice(1)) : url.hostname === host;
  return hostOk && (scheme === '*' ? /^https?:$/.test(url.protocol) : url.protocol === `${scheme}:`);
};

describe.each(CASES.filter((c) => c.agent))('$id adapter, the support side', (c) => {
  test("reads what the agents sent, without bots' messages or internal notes", () => {
    const site = adapter(c.id);
    const doc = parse(fixture(c.id));
    expect(site.agentMessages!(doc)).toEqual(c.agent);
    expect(site.agentMessages!(doc, 0)).toEqual([]);
  });

  test('tells who wrote last: the customer; support, once the messages after its last reply are gone (notes do not count)', () => {
    const site = adapter(c.id);
    const doc = parse(fixture(c.id));
    expect(site.lastFrom!(doc)).toBe('customer');
    const items = [...doc.querySelectorAll(c.messages)];
    const reply = c.agent!.at(-1)!;
    // Its first appearance: later customer messages may quote it.
    const at = items.findIndex((el) => el.textContent!.replace(/\s+/g, ' ').includes(reply));
    expect(at).toBeGreaterThanOrEqual(0);
    for (const el of items.slice(at + 1)) el.remove();
    expect(site.lastFrom!(doc)).toBe('agent');
    expect(site.lastFrom!(parse('<!doctype html><body><p>Loading…</p></body>'))).toBeNull();
  });
});

describe.each(CASES)('$id adapter', (c) => {
  const site = adapter(c.id);
  const url = new URL(c.url);
  const doc = parse(fixture(c.id));

  test('matches its own pages and not another site', () => {
    expect(site.matches(url)).toBe(true);
    expect(site.matches(new URL(c.otherUrl))).toBe(false);
  });

  test('finds exactly the reply editor', () => {
    const expected = (c.editors ?? [c.editor]).map((s) => only(doc, s));
    expect(site.findEditors(doc)).toEqual(expected);
    expect(activeEditor(site, doc, null)).toBe(only(doc, c.editor));
  });

  test('prefers the focused editor, including when the focus is inside it', () => {
    const editors = site.findEditors(doc);
    for (const editor of editors) {
      expect(activeEditor(site, doc, editor)).toBe(editor);
      expect(activeEditor(site, doc, editor.firstElementChild ?? editor)).toBe(editor);
    }
    // Focus elsewhere (the agent clicked the page): the reply editor still.
    expect(activeEditor(site, doc, doc.body)).toBe(only(doc, c.editor));
  });

  test("reads the customer's messages in order, without the agent's or internal notes", () => {
    expect(site.customerMessages(doc)).toEqual(c.customer);
    expect(site.customerMessages(doc, 1)).toEqual(c.customer.slice(-1));
    expect(site.customerMessages(doc, 0)).toEqual([]);
  });

  test('channel and conversation id', () => {
    expect(site.channel(doc, url)).toBe(c.channel);
    expect(site.conversationId(doc, url)).toBe(c.conversationId);
  });

  test('adapterFor picks it for its page', () => {
    const enabled = site.optIn ? [url.origin] : [];
    expect(adapterFor(url, doc, enabled)?.id).toBe(c.id);
  });

  test('its host is in the manifest (HELPDESK_MATCHES, or loopback for the demo)', () => {
    if (site.optIn) return; // the user grants each enabled origin at runtime
    expect([...HELPDESK_MATCHES, ...LOCAL_MATCHES].some((p) => patternMatches(p, url))).toBe(true);
  });

  test('on a page without a ticket: no editor, no messages, no error', () => {
    const empty = parse('<!doctype html><html><head><title>Loading…</title></head><body><p>Loading…</p></body></html>');
    expect(site.findEditors(empty)).toEqual([]);
    expect(activeEditor(site, empty, null)).toBeNull();
    expect(activeEditor(site, empty, empty.body)).toBeNull();
    expect(site.customerMessages(empty)).toEqual([]);
    expect(() => site.channel(empty, url)).not.toThrow();
    expect(typeof site.conversationId(empty, url)).toBe('string');
  });

  test('a thread of 500 messages: only the last `limit`, quickly', () => {
    const big = parse(fixture(c.id));
    const last = [...big.querySelectorAll(c.messages)].at(-1)!;
    const lastText = c.customer.at(-1)!.text;
    const word = lastText.split(' ')[0]!;
    const grown = big.createDocumentFragment();
    for (let i = 0; i < 500; i++) {
      const clone = last.cloneNode(true) as Element;
      const walker = big.createTreeWalker(clone, 4 /* NodeFilter.SHOW_TEXT */);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.nodeValue?.trimStart().startsWith(word)) {
          n.nodeValue = n.nodeValue.replace(word, `${word}#${i}`);
          break;
        }
      }
      grown.append(clone);
    }
    last.after(grown);
    const got = site.customerMessages(big, 3);
    expect(got.map((m) => m.text)).toEqual([497, 498, 499].map((i) => lastText.replace(word, `${word}#${i}`)));
    expect(got.every((m) => m.author === c.customer.at(-1)!.author)).toBe(true);
    // Timed once happy-dom has indexed the grown page (its first query after a change is slow);
    // reading the last few walks back from the end, so it costs about what the fixture does.
    const start = performance.now();
    site.customerMessages(big, 3);
    expect(performance.now() - start).toBeLessThan(200);
  }, 20_000);
});

describe('adapterFor', () => {
  const docOf = (id: string) => parse(fixture(id));

  test.each([
    ['https://acme.zendesk.com/agent/tickets/123', 'zendesk', 'zendesk'],
    ['https://support.zendesk.com/agent/filters/1', 'zendesk', 'zendesk'],
    ['https://acme.freshdesk.com/a/tickets/4711', 'freshdesk', 'freshdesk'],
    ['https://app.eu.intercom.com/a/inbox/abc/inbox/conversation/1', 'intercom', 'intercom'],
    ['https://app.au.intercom.com/a/inbox/abc/inbox/conversation/1', 'intercom', 'intercom'],
    ['https://secure.helpscout.net/conversation/1/2/', 'helpscout', 'helpscout'],
    ['https://app.frontapp.com/open/cnv_1', 'front', 'front'],
    ['https://mail.google.com/mail/u/1/#inbox', 'gmail', 'gmail'],
    ['https://outlook.live.com/mail/0/inbox', 'outlook', 'outlook'],
    ['https://outlook.office365.com/mail/', 'outlook', 'outlook'],
    ['https://outlook.cloud.microsoft/mail/', 'outlook', 'outlook'],
    ['http://localhost:4173/helpdesk/', 'demo', 'demo'],
  ])('%s → %s', (href, fixtureId, expected) => {
    expect(adapterFor(new URL(href), docOf(fixtureId))?.id).toBe(expected);
  });

  test('a known helpdesk keeps its own adapter even when its origin is also enabled', () => {
    const url = new URL('https://acme.zendesk.com/agent/tickets/123');
    expect(adapterFor(url, docOf('zendesk'), [url.origin])?.id).toBe('zendesk');
  });

  test('any other site: the generic adapter only where the user enabled the origin', () => {
    const url = new URL('https://care.acme.example/cases/5521');
    const doc = docOf('generic');
    expect(adapterFor(url, doc)).toBeNull();
    expect(adapterFor(url, doc, ['https://other.example'])).toBeNull();
    expect(adapterFor(url, doc, ['https://care.acme.example'])?.id).toBe('generic');
    expect(adapterFor(url, doc, ['https://care.acme.example/'])?.id).toBe('generic');
    expect(adapterFor(url, doc, ['not a url', 'https://care.acme.example'])?.id).toBe('generic');
    // Same host, other scheme or port: another origin.
    expect(adapterFor(new URL('http://care.acme.example/cases/5521'), doc, ['https://care.acme.example'])).toBeNull();
  });

  test('lookalike hosts are not the helpdesk', () => {
    const doc = docOf('generic');
    for (const href of ['https://zendesk.com.evil.example/agent/tickets/1', 'https://notzendesk.com/agent/tickets/1', 'https://mail.google.com.evil.example/']) {
      expect(adapterFor(new URL(href), doc)).toBeNull();
    }
  });

  test('loopback without the demo page: nothing unless enabled, then generic', () => {
    const url = new URL('http://127.0.0.1:4173/editors/prosemirror.html');
    const doc = docOf('generic');
    expect(adapterFor(url, doc)).toBeNull();
    expect(adapterFor(url, doc, ['http://127.0.0.1:4173'])?.id).toBe('generic');
  });
});

describe('generic adapter', () => {
  const site = adapter('generic');

  test('with layout, the largest shown editable comes first', () => {
    const doc = parse(fixture('generic'));
    const size = (selector: string, width: number, height: number) => {
      const el = only(doc, selector);
      el.getBoundingClientRect = () => ({ x: 0, y: 0, top: 0, left: 0, right: width, bottom: height, width, height, toJSON: () => ({}) });
      return el;
    };
    const reply = size('#reply', 600, 200);
    const notes = size('#notes', 600, 400);
    expect(site.findEditors(doc)).toEqual([notes, reply]);
    expect(activeEditor(site, doc, null)).toBe(notes);
    expect(activeEditor(site, doc, reply)).toBe(reply);
  });

  test('does not guess: messages without a role marking are not the customer', () => {
    const doc = parse('<main><article><p>I want my money back</p></article><div class="message">Where is it?</div><textarea></textarea></main>');
    expect(site.customerMessages(doc)).toEqual([]);
    expect(site.channel(doc, new URL('https://care.acme.example/'))).toBeNull();
  });

  test('conversation id keeps a hash route, not an anchor', () => {
    const doc = parse('<p></p>');
    expect(site.conversationId(doc, new URL('https://care.acme.example/app#/cases/7'))).toBe('/app#/cases/7');
    expect(site.conversationId(doc, new URL('https://care.acme.example/cases/7#reply'))).toBe('/cases/7');
  });
});

describe('shared readers (lib/sites/common/dom.ts)', () => {
  test('lastMessages reads from the end and stops once it has `limit`', () => {
    const doc = parse(`<ol>${Array.from({ length: 500 }, (_, i) => `<li class="${i % 2 ? 'agent' : 'customer'}">m${i}</li>`).join('')}</ol>`);
    const read: Element[] = [];
    const got = lastMessages(doc.querySelectorAll('li'), 3, (li) => {
      read.push(li);
      return li.className === 'customer' ? { text: li.textContent ?? '' } : null;
    });
    expect(got).toEqual([{ text: 'm494' }, { text: 'm496' }, { text: 'm498' }]);
    expect(read).toHaveLength(6); // m499 … m494, nothing before
  });

  test('messageText: blocks become spaces, UI, hidden parts, quotes and what follows a reply header are left out', () => {
    const doc = parse(
      '<div id="m"><p>Hello<br>there</p><button>Reply</button><span aria-hidden="true">icon</span><div hidden>x</div>' +
        '<p>wo\u200Brld</p><blockquote>quoted</blockquote><div id="x_divRplyFwdMsg">From: us</div><p>old mail</p></div>',
    );
    expect(messageText(doc.querySelector('#m')!, { skip: 'blockquote', stopAt: '[id$="divRplyFwdMsg"]' })).toBe('Hello there world');
  });

  test('messageText survives markup nested deeper than a recursive walk could go', () => {
    const doc = parse('<div id="root"></div>');
    let at = doc.getElementById('root')!;
    for (let i = 0; i < 20_000; i++) at = at.appendChild(doc.createElement(i % 2 ? 'span' : 'div'));
    at.textContent = 'deep';
    expect(messageText(doc.getElementById('root')!)).toBe('deep');
  });
});
