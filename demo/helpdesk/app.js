// Sample tickets in the situations the seed documents describe; `draft` is what the headless
// demo types as the agent: first-instinct replies Tact should catch.
const CONVERSATIONS = await (await fetch('./conversations.json')).json();

// Renders one ticket with DOM APIs only (customer text is untrusted: never innerHTML).
const params = new URLSearchParams(location.search);
const current = CONVERSATIONS.find((c) => c.id === params.get('c')) ?? CONVERSATIONS[0];

const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k.startsWith('data-') || k === 'lang' || k === 'dateTime' || k === 'href') node.setAttribute(k === 'dateTime' ? 'datetime' : k, v);
    else node[k] = v;
  }
  node.append(...children);
  return node;
};

const queue = document.getElementById('queue');
for (const c of CONVERSATIONS) {
  const link = el('a', { href: `?c=${c.id}` }, `${c.id} · ${c.subject}`);
  if (c === current) link.setAttribute('aria-current', 'page');
  queue.append(el('li', {}, link));
}

const ticket = document.getElementById('ticket');
ticket.dataset.conversationId = current.id;
ticket.dataset.channel = current.channel;
ticket.lang = current.lang;
document.getElementById('subject').textContent = `${current.subject} (${current.channel})`;

const thread = document.getElementById('thread');
for (const m of current.messages) {
  const author = m.role === 'customer' ? current.customer : m.author;
  thread.append(
    el(
      'li',
      { className: `message ${m.role}`, 'data-tact-message': '', 'data-author-role': m.role, 'data-author': author },
      el('div', { className: 'meta' }, el('strong', {}, author), ' · ', el('time', { dateTime: m.time }, new Date(m.time).toLocaleString('en-GB', { timeZone: 'UTC' }))),
      el('p', { className: 'body' }, m.text),
    ),
  );
}
document.getElementById('reply').lang = current.lang;
