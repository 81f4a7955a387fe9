import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { INITIAL_JS_LIMIT_KB, measureInitialJs, type BundleReport } from '../bench/bundle.bench';
import { useAppAndBrowser } from './harness';

/**
 * Issue 7's target, initial JS ≤ 200 kB gzip per route, on the build the e2e tests run against
 * (bench/bundle.bench.ts computes it from the build's files); and that computation checked
 * against what Chromium actually loads on a first visit to three routes.
 */
describe('initial JavaScript per route', () => {
  let report: BundleReport;

  beforeAll(async () => {
    report = await measureInitialJs('build');
  });
  const e2e = useAppAndBrowser('pglite');

  it(`every page route loads at most ${INITIAL_JS_LIMIT_KB} kB of gzipped JavaScript`, () => {
    expect(report.mismatches).toEqual([]);
    const pages = report.routes.filter((r) => !r.resource);
    expect(pages.length).toBeGreaterThan(20);
    const over = pages
      .filter((r) => r.gzipBytes > INITIAL_JS_LIMIT_KB * 1000)
      .map((r) => `${r.path}: ${(r.gzipBytes / 1000).toFixed(1)} kB`);
    expect(over).toEqual([]);
  });

  /** The /assets/*.js a first visit to `path` fetches, with their bytes, until the network is idle. */
  async function firstVisit(page: Page, path: string) {
    const loaded = new Map<string, Buffer>();
    const pending: Promise<void>[] = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (!url.pathname.startsWith('/assets/') || !url.pathname.endsWith('.js')) return;
      pending.push(response.body().then((body) => void loaded.set(url.pathname, body)));
    });
    const document = await page.goto(`${e2e.app.url}${path}`, { waitUntil: 'networkidle' });
    await Promise.all(pending);
    const html = (await document?.text()) ?? '';
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map(
      (m) => m[1],
    );
    return { loaded, preloaded };
  }

  /** The cookies of a signed-in session, taken from a context that is then thrown away. */
  async function signedInState() {
    const context = (await e2e.signIn('Tone Lie')).context();
    const state = await context.storageState();
    await context.close();
    return state;
  }

  it.each([
    ['/logg-inn', 'routes/login', false],
    ['/', 'routes/home', true],
    ['/statistikk', 'routes/statistics', true],
  ] as const)(
    'Chromium loads exactly the computed files for %s, and their gzip sizes add up',
    async (path, id, signedIn) => {
      const computed = report.routes.find((r) => r.id === id);
      if (!computed) throw new Error(`${id} is not measured`);
      // A context of its own has an empty cache: the visit is a first load.
      const context = await e2e.browser.newContext({
        locale: 'nb-NO',
        storageState: signedIn ? await signedInState() : undefined,
      });
      const { loaded, preloaded } = await firstVisit(await context.newPage(), path);
      await context.close();

      // The server's modulepreload links are the computed initial set, nothing more or less …
      expect([...new Set(preloaded)].sort()).toEqual([...computed.files].sort());
      // … and the browser fetched those, plus only what the page imports on demand after
      // hydration (the charts on /statistikk).
      const fetched = [...loaded.keys()];
      expect(fetched.filter((f) => !computed.files.includes(f))).toEqual(
        fetched.filter((f) => computed.deferred.includes(f)),
      );
      expect(computed.files.filter((f) => !loaded.has(f))).toEqual([]);
      const gzipped = computed.files.reduce(
        (sum, f) => sum + gzipSync(loaded.get(f) ?? Buffer.alloc(0), { level: 9 }).length,
        0,
      );
      expect(gzipped).toBe(computed.gzipBytes);
    },
  );
});
