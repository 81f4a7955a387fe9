import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDraftOverHttp, submitOverHttp } from './application';
import { expectAccessible, sameOrigin, useAppAndBrowser } from './harness';

const CROSS_SITE_TEXT =
  'Forespørselen ble avvist fordi den ikke kom fra en side i Søknadsportalen.';

/** Security headers and CSRF (ADR 0011), on PGlite: neither depends on the database. */
describe('security headers and cross-site requests in Chromium', () => {
  let attacker: Server;
  let attackerUrl: string;

  const e2e = useAppAndBrowser('pglite');
  beforeAll(async () => {
    // Another site (127.0.0.1 is a different site from localhost) with a form aimed at the app.
    attacker = createServer((_req, res) => {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(
        `<!doctype html><html lang="en"><title>Win a prize</title><body>` +
          `<form method="post" action="${e2e.app.url}/saker/ny">` +
          `<input type="hidden" name="q.scheme" value="offLabel"><input type="hidden" name="q.scheme.present" value="1">` +
          `<input type="hidden" name="q.patientScope" value="single"><input type="hidden" name="q.patientScope.present" value="1">` +
          `<button>Claim</button></form></body></html>`,
      );
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await new Promise((resolve) => attacker.close(resolve));
  });

  /** The case links on "Mine saker": what a successful forged request would have added to. */
  async function myCaseCount(page: Page): Promise<number> {
    await page.goto(`${e2e.app.url}/`);
    return page.locator('main a[href^="/saker/"]:not([href="/saker/ny"])').count();
  }

  it('sends a strict, nonce-based policy and the other headers; pages run without violations', async () => {
    const response = await fetch(`${e2e.app.url}/logg-inn`);
    const csp = response.headers.get('content-security-policy') ?? '';
    const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce, csp).toBeTruthy();
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    const html = await response.text();
    // Every inline script carries this response's nonce; a second response gets another one.
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? '');
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
    const again = (await fetch(`${e2e.app.url}/logg-inn`)).headers.get('content-security-policy');
    expect(again).not.toContain(nonce);

    // The main pages hydrate and work under the policy (expectAccessible fails on violations).
    const doctor = await e2e.signIn('Ingrid Haugland');
    await expectAccessible(doctor);
    const caseUrl = `${e2e.app.url}${await submitOverHttp(doctor.request, e2e.app.url)}`;
    for (const path of ['', '/oppsummering']) {
      await doctor.goto(`${caseUrl}${path}`);
      await doctor.getByRole('heading', { level: 1 }).first().waitFor();
      await expectAccessible(doctor);
    }
    await doctor.goto(`${e2e.app.url}/saker/ny`);
    await doctor.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(doctor);
    // Client-side navigation (hydrated React Router) also works: a link, not a reload.
    await doctor.getByRole('link', { name: 'Mine saker' }).first().click();
    await doctor.getByRole('heading', { level: 1, name: 'Mine saker' }).waitFor();
    await expectAccessible(doctor);
    await doctor.context().close();
  });

  it('sends a document in one piece with its length; HEAD and data requests as before', async () => {
    // server/request-handler.ts: the rendered bytes with one `res.end`, not through a body stream.
    const page = await fetch(`${e2e.app.url}/logg-inn`);
    const bytes = Buffer.from(await page.arrayBuffer());
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('transfer-encoding')).toBeNull();
    expect(page.headers.get('content-length')).toBe(String(bytes.length));
    expect(bytes.toString('utf8')).toMatch(/^<!DOCTYPE html><html lang="nb">[\s\S]*<\/html>$/);
    const head = await fetch(`${e2e.app.url}/logg-inn`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('cache-control')).toBe('no-store');
    expect(await head.text()).toBe('');
    // Not a document (the data of a client-side navigation): its body stream, as before.
    const data = await fetch(`${e2e.app.url}/logg-inn.data`);
    expect(data.status).toBe(200);
    expect(data.headers.get('transfer-encoding')).toBe('chunked');
    expect(await data.text()).toContain('routes/login');
  });

  it('answers an unknown address with a page that says so, and keeps no stack trace of it', async () => {
    const doctor = await e2e.signIn('Ingrid Haugland');
    const before = e2e.app.output().length;
    for (const path of ['/finnes-ikke', '/saker/ny/gammel-lenke']) {
      const response = await doctor.goto(`${e2e.app.url}${path}`);
      expect(response?.status(), path).toBe(404);
      await doctor.getByRole('heading', { level: 1, name: 'Siden finnes ikke' }).waitFor();
      await doctor.getByText('Adressen finnes ikke i Søknadsportalen.', { exact: false }).waitFor();
      expect(await doctor.getByText('Fant ikke saken', { exact: false }).count()).toBe(0);
      await expectAccessible(doctor);
    }
    // The pages name their icon, so a browser does not ask for /favicon.ico; a bot that does gets a
    // 404 too, and none of them fills the server's log with a stack trace.
    const icon = await doctor.locator('link[rel="icon"]').getAttribute('href');
    expect(icon).toBe('/favicon.svg');
    const svg = await doctor.request.get(`${e2e.app.url}${icon}`);
    expect(svg.status()).toBe(200);
    expect(svg.headers()['content-type']).toContain('image/svg+xml');
    expect((await doctor.request.get(`${e2e.app.url}/favicon.ico`)).status()).toBe(404);
    // A case not found is still a case not found.
    await doctor.goto(`${e2e.app.url}/saker/00000000-0000-4000-8000-000000000000`);
    await doctor.getByText('Fant ikke saken.', { exact: false }).waitFor();
    expect(e2e.app.output().slice(before)).not.toContain('No route matches');
    await doctor.context().close();
  });

  it('lets no cache keep a page, its data or an autosave; assets keep their long cache', async () => {
    const doctor = await e2e.signIn('Ingrid Haugland');
    const caseUrl = await submitOverHttp(doctor.request, e2e.app.url);
    const cacheControl = async (path: string) =>
      (await doctor.request.get(`${e2e.app.url}${path}`, { maxRedirects: 0 })).headers()[
        'cache-control'
      ];
    // Documents (a page, the 404 page) and the data of client-side navigations (`.data`).
    for (const path of ['/', caseUrl, '/finnes-ikke', '/_root.data', `${caseUrl}.data`]) {
      expect(await cacheControl(path), path).toBe('no-store');
    }
    // A form's data (an action through `.data`) and the autosave's JSON with the stored answers.
    const posted = await doctor.request.post(`${e2e.app.url}/saker/ny.data`, {
      headers: sameOrigin(e2e.app.url),
      form: { intent: 'route' },
      maxRedirects: 0,
    });
    expect(posted.status()).toBe(200);
    expect(posted.headers()['cache-control']).toBe('no-store');
    const draft = await startDraftOverHttp(doctor.request, e2e.app.url);
    const saved = await doctor.request.post(`${e2e.app.url}${draft}/lagre`, {
      headers: sameOrigin(e2e.app.url),
      data: { changes: { dose: { base: null, value: '1 g' } } },
    });
    expect(saved.status()).toBe(200);
    expect(saved.headers()['cache-control']).toBe('no-store');
    // Static assets come before React Router, cached for a year.
    const html = await (await doctor.request.get(`${e2e.app.url}/`)).text();
    const asset = /"(\/assets\/[^"]+\.js)"/.exec(html)?.[1] ?? '';
    expect(asset).not.toBe('');
    expect(await cacheControl(asset)).toMatch(/max-age=31536000/);
    await doctor.context().close();
  });

  it('refuses a cross-site form post with 403 and a Norwegian text, and changes nothing', async () => {
    const doctor = await e2e.signIn('Ingrid Haugland');
    const before = await myCaseCount(doctor);

    // A real cross-site form post from another site's page, in the signed-in browser.
    const victim = await doctor.context().newPage();
    await victim.goto(attackerUrl);
    const [forged] = await Promise.all([
      victim.waitForResponse((r) => r.url() === `${e2e.app.url}/saker/ny`),
      victim.getByRole('button', { name: 'Claim' }).click(),
    ]);
    expect(forged.status()).toBe(403);
    await expect.poll(() => victim.getByText(CROSS_SITE_TEXT).count()).toBe(1);

    // Forged from a script or tool with the session cookie: another Origin, or none at all.
    const form = {
      'q.scheme': 'offLabel',
      'q.scheme.present': '1',
      'q.patientScope': 'single',
      'q.patientScope.present': '1',
    };
    const forgeries: Record<string, string>[] = [
      { Origin: 'http://evil.example' },
      { Origin: 'null' },
      { 'Sec-Fetch-Site': 'same-site', Origin: 'http://sub.localhost' },
      {},
    ];
    for (const headers of forgeries) {
      const refused = await doctor.request.post(`${e2e.app.url}/saker/ny`, {
        headers,
        form,
        maxRedirects: 0,
      });
      expect(refused.status(), JSON.stringify(headers)).toBe(403);
      expect(await refused.text()).toContain(CROSS_SITE_TEXT);
    }
    expect(await myCaseCount(doctor)).toBe(before);

    // The same request from this site is accepted.
    const accepted = await doctor.request.post(`${e2e.app.url}/saker/ny`, {
      headers: sameOrigin(e2e.app.url),
      form,
      maxRedirects: 0,
    });
    expect(accepted.status()).toBe(302);
    expect(await myCaseCount(doctor)).toBe(before + 1);
    await doctor.context().close();
  });

  it('accepts the same-site form posts of a browser without JavaScript', async () => {
    // With no-referrer the browser sends `Origin: null` on form posts; Sec-Fetch-Site decides.
    const doctor = await e2e.signIn('Ingrid Haugland', { javaScriptEnabled: false });
    const before = await myCaseCount(doctor);
    await doctor.goto(`${e2e.app.url}/saker/ny`);
    await doctor.getByLabel('Pasientgruppe', { exact: true }).check();
    await doctor.getByLabel('Utenfor godkjent indikasjon (off-label)').check();
    await doctor.getByRole('button', { name: 'Start søknaden' }).click();
    await doctor.getByRole('heading', { level: 1, name: 'Rediger søknad' }).waitFor();
    expect(await myCaseCount(doctor)).toBe(before + 1);
    await doctor.getByRole('button', { name: 'Logg ut' }).click();
    await doctor.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await doctor.context().close();
  });
});
