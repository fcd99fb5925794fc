/** Helpdesks Tact reads by default; any other site only after the user enables it (optional permission). */
export const HELPDESK_MATCHES = [
  '*://*.zendesk.com/*',
  '*://*.freshdesk.com/*',
  '*://app.intercom.com/*',
  '*://secure.helpscout.net/*',
  '*://app.frontapp.com/*',
  '*://mail.google.com/*',
  '*://outlook.office.com/*',
  '*://outlook.live.com/*',
];

/** The demo helpdesk and the browser tests are served on loopback. */
export const LOCAL_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

export const ANTHROPIC_API_ORIGIN = 'https://api.anthropic.com/*';
