import { describe, expect, it } from 'vitest';
import { isSameOriginRequest } from './security';

const PUBLIC = 'https://soknad.example.no';

describe('isSameOriginRequest (CSRF, ADR 0011)', () => {
  it.each([
    // Fetch Metadata decides when present, whatever the Origin says.
    [{ secFetchSite: 'same-origin', origin: 'null', host: 'a:1' }, true],
    [{ secFetchSite: 'same-origin', host: 'a:1' }, true],
    [{ secFetchSite: 'same-site', origin: 'http://a:1', host: 'a:1' }, false],
    [{ secFetchSite: 'cross-site', origin: 'http://a:1', host: 'a:1' }, false],
    [{ secFetchSite: 'none', host: 'a:1' }, false],
    // Without it: the Origin must be this host or the public origin.
    [{ origin: 'http://a:1', host: 'a:1' }, true],
    [{ origin: PUBLIC, host: 'internal:3000' }, true],
    [{ origin: 'http://evil.example', host: 'a:1' }, false],
    [{ origin: 'http://a:2', host: 'a:1' }, false],
    [{ origin: 'null', host: 'a:1' }, false],
    [{ origin: 'not a url', host: 'a:1' }, false],
    [{ host: 'a:1' }, false],
  ])('%o → %s', (headers, expected) => {
    expect(isSameOriginRequest(headers, PUBLIC)).toBe(expected);
  });
});
