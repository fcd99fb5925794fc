import { expect, test } from 'vitest';
import { originOf, pausedOn } from '../../lib/paused-sites';
import { parseSettings, withPause } from '../../lib/settings';

// "Pause here" in the panel: per site (origin), kept in the settings, read raw by the content script.
test('paused on a page when its origin is in the list; other sites, paths and bad input are not', () => {
  const settings = { pausedOrigins: ['https://acme.zendesk.com'] };
  expect(pausedOn(settings, 'https://acme.zendesk.com/agent/tickets/1')).toBe(true);
  expect(pausedOn(settings, 'https://other.zendesk.com/agent/tickets/1')).toBe(false);
  expect(pausedOn(settings, 'http://acme.zendesk.com/agent/tickets/1')).toBe(false);
  expect(pausedOn(undefined, 'https://acme.zendesk.com/')).toBe(false);
  expect(pausedOn({ pausedOrigins: 'https://acme.zendesk.com' }, 'https://acme.zendesk.com/')).toBe(false);
  expect(pausedOn(settings, 'not a url')).toBe(false);
  expect(originOf('about:blank')).toBeNull();
});

test('pausing and resuming a site keeps the other settings and lists each site once', () => {
  const base = parseSettings({ enabledOrigins: ['https://care.example.com'], minSeverity: 'warning' });
  expect(base.pausedOrigins).toEqual([]);
  const paused = withPause(withPause(base, 'https://acme.zendesk.com', true), 'https://acme.zendesk.com', true);
  expect(paused).toEqual({ ...base, pausedOrigins: ['https://acme.zendesk.com'] });
  expect(withPause(paused, 'https://acme.zendesk.com', false)).toEqual(base);
  // A stored list with something that is not an origin is not trusted: defaults, as for any malformed settings.
  expect(parseSettings({ pausedOrigins: ['nonsense'] }).pausedOrigins).toEqual([]);
});
