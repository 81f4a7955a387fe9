import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimiters } from './rate-limit';

/** The real middleware in front of a small app that answers every request with 200. */
describe('rate limits on login and search', () => {
  let url = '';
  let close: () => void = () => undefined;
  beforeAll(async () => {
    const app = express();
    app.use(rateLimiters({ login: 3, search: 5 }));
    app.all('/{*path}', (_req, res) => {
      res.send('ok');
    });
    await new Promise<void>((resolve) => {
      const server = app.listen(0, '127.0.0.1', () => {
        url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        close = () => server.close();
        resolve();
      });
    });
  });
  afterAll(() => close());

  const statuses = async (n: number, path: string, method = 'GET') => {
    const result: number[] = [];
    for (let i = 0; i < n; i++) result.push((await fetch(url + path, { method })).status);
    return result;
  };

  it('counts every login step (development POST, HelseID start and return) against one limit', async () => {
    expect(await statuses(1, '/logg-inn', 'POST')).toEqual([200]);
    expect(await statuses(1, '/logg-inn/helseid', 'POST')).toEqual([200]);
    expect(await statuses(1, '/logg-inn/helseid/retur?code=x')).toEqual([200]);
    const refused = await fetch(`${url}/logg-inn.data`, { method: 'POST' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/text\/html/);
    expect(await refused.text()).toContain('For mange forsøk');
    // Showing the login page is not a login attempt; other pages are not limited.
    expect(await statuses(10, '/logg-inn')).toEqual(Array(10).fill(200));
    expect(await statuses(10, '/saker/ny')).toEqual(Array(10).fill(200));
    // An unlimited request carries no rate-limit headers; a counted one does (draft-8).
    expect((await fetch(`${url}/saker/ny`)).headers.get('ratelimit-policy')).toBeNull();
    const counted = await fetch(`${url}/logg-inn/helseid`);
    expect(counted.headers.get('ratelimit-policy')).toMatch(/^"3-in-1min"; q=3; w=60;/);
  });

  it('limits the searches together, answering JSON', async () => {
    expect(await statuses(3, '/api/legemidler?q=a')).toEqual([200, 200, 200]);
    expect(await statuses(3, '/api/diagnoser?q=a')).toEqual([200, 200, 429]);
    const refused = await fetch(`${url}/api/legemidler?q=b`);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({
      problem: 'For mange søk på kort tid. Vent litt og prøv igjen.',
    });
  });
});
