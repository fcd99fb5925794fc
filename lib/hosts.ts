/**
 * Helpdesks Tact reads by default: the hosts the site adapters in lib/sites match (a convention test
 * keeps the two in step). Any other site only after the user enables it (optional permission).
 */
export const HELPDESK_MATCHES = [
  '*://*.zendesk.com/*',
  '*://*.freshdesk.com/*',
  '*://app.intercom.com/*',
  '*://app.eu.intercom.com/*',
  '*://app.au.intercom.com/*',
  '*://secure.helpscout.net/*',
  '*://app.frontapp.com/*',
  '*://mail.google.com/*',
  '*://outlook.office.com/*',
  '*://outlook.office365.com/*',
  '*://outlook.cloud.microsoft/*',
  '*://outlook.live.com/*',
];

/** The demo helpdesk and the browser tests are served on loopback. */
export const LOCAL_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

export const ANTHROPIC_API_ORIGIN = 'https://api.anthropic.com/*';
