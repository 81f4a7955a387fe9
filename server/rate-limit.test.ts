import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './config';
import { rateLimiters } from './rate-limit';

/** The real middleware in front of a small app that answers every request with 200. */
describe('rate limits on login, search and the national downloads', () => {
  let url = '';
  let close: () => void = () => undefined;
  beforeAll(async () => {
    const app = express();
    app.use(rateLimiters({ login: 3, search: 5, export: 2 }));
    app.all('/{*path}', (req, res) => {
      // A refused token, as the export route answers one.
      if (req.headers.authorization === 'Bearer refused') res.status(401).send('refused');
      else res.send('ok');
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

  it('limits the downloads of the national overview that are served, answering HTML', async () => {
    const get = (path: string, authorization?: string) =>
      fetch(url + path, authorization ? { headers: { authorization } } : {});
    // Refused requests cost nothing to answer and are not counted.
    for (let i = 0; i < 5; i++)
      expect((await get('/nasjonalt/eksport.csv', 'Bearer refused')).status).toBe(401);
    expect((await get('/nasjonalt/eksport.csv')).status).toBe(200);
    expect((await get('/NASJONALT/eksport.xlsx')).status).toBe(200);
    const refused = await get('/nasjonalt/eksport.csv?atc=L01');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('content-type')).toMatch(/text\/html/);
    const page = await refused.text();
    expect(page).toContain('for mange nedlastinger av den nasjonale oversikten');
    expect(page).toContain('<a href="/nasjonalt">Til nasjonal oversikt</a>');
    // The overview itself, the statistics' and a case's exports are not limited by it.
    expect((await get('/nasjonalt')).status).toBe(200);
    expect((await get('/statistikk/eksport?seksjon=trust')).status).toBe(200);
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

const dataDir = () => mkdtempSync(join(tmpdir(), 'sp-rate-limit-'));

/** A fresh app with the middleware (its own counts), with Express's `trust proxy` as given. */
async function serve(trustProxy: boolean | number | string = false) {
  const app = express();
  app.set('trust proxy', trustProxy);
  app.use(rateLimiters({ login: 2, search: 5, export: 5 }));
  app.all('/{*path}', (_req, res) => {
    res.send('ok');
  });
  return new Promise<{ url: string; close: () => void }>((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => server.close(),
      });
    });
  });
}

describe('the login limit, matched as React Router matches paths', () => {
  it('counts the login in any letter case, percent-encoded or with a trailing slash', async () => {
    for (const variants of [
      ['/LOGG-INN', '/Logg-Inn/HelseID'],
      ['/logg%2Dinn', '/logg-inn/'],
      ['/LOGG-INN.DATA', '/logg-inn/helseid/RETUR'],
    ]) {
      const { url, close } = await serve();
      const statuses = [];
      for (const path of [...variants, '/logg-inn']) {
        statuses.push((await fetch(url + path, { method: 'POST' })).status);
      }
      close();
      expect(statuses, variants.join(' ')).toEqual([200, 200, 429]);
    }
  });

  it('behind a TLS proxy (TRUST_PROXY), counts each client address of X-Forwarded-For', async () => {
    const post = (url: string, client: string) =>
      fetch(`${url}/logg-inn`, { method: 'POST', headers: { 'X-Forwarded-For': client } });
    const proxied = await serve(
      loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: '1' }, []).trustProxy,
    );
    const statuses = [];
    for (const client of ['10.1.1.1', '10.1.1.1', '10.1.1.1', '10.2.2.2']) {
      statuses.push((await post(proxied.url, client)).status);
    }
    proxied.close();
    expect(statuses).toEqual([200, 200, 429, 200]);
    // Without it, the header is not believed: every request is the proxy's.
    const direct = await serve();
    const shared = [];
    for (const client of ['10.1.1.1', '10.2.2.2', '10.3.3.3']) {
      shared.push((await post(direct.url, client)).status);
    }
    direct.close();
    expect(shared).toEqual([200, 200, 429]);
  });
});
