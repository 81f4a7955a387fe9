import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { openPglite, openPostgres, type Db, type DatabaseKind } from '../app/db/database.server';
import { seed, seedFest } from '../app/db/seed.server';
import { createScratchDatabase } from '../app/test/databases';

export interface RunningApp {
  url: string;
  stop(): Promise<void>;
  /** Kills the server with SIGKILL (kill -9): no shutdown, no flushing. */
  crash(): Promise<void>;
  /** Starts the server again on the same data folder and database (a new port: see `url`). */
  restart(): Promise<void>;
  /** What the server has written to stdout and stderr so far (since its last start). */
  output(): string;
}

export interface AppOptions {
  /** Use this PostgreSQL database as it is (no scratch database), e.g. a test's own cluster. */
  databaseUrl?: string;
  /** Extra settings for the app (say HelseID's, or a fixed PORT). */
  env?: NodeJS.ProcessEnv;
  /** How many generated national cases to seed (default none: they are slow to write). */
  nationalDemoCases?: number;
  /** Runs on the app's database (migrated and seeded) before the app starts. */
  prepare?: (db: Db) => Promise<unknown>;
}

/**
 * Starts the built app (`npm run build` first) as its own process on a free port, on a fresh
 * PGlite folder or a fresh database on the DATABASE_URL server. `options.env` adds settings (say
 * HelseID's, or a fixed PORT); `options.prepare` runs first on that database (migrated and
 * seeded), e.g. to write generated national history.
 */
export async function startApp(kind: DatabaseKind, options: AppOptions = {}): Promise<RunningApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sp-e2e-'));
  const scratch =
    kind === 'postgres' && !options.databaseUrl ? await createScratchDatabase() : null;
  if (options.prepare) {
    const url = options.databaseUrl ?? scratch?.url;
    const database = url ? openPostgres(url, 2) : await openPglite(join(dataDir, 'pglite'));
    await database.migrate();
    await seed(database.db);
    await seedFest(database.db);
    await options.prepare(database.db);
    await database.close();
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    // Generated national history is slow to write: only the tests that need it ask for it.
    NATIONAL_DEMO_CASES: String(options.nationalDemoCases ?? 0),
    // The demo trusts' own cases would take the løpenummer and «Mine saker» the tests expect.
    DEMO_CASES: 'false',
    ...options.env,
    DATA_DIR: dataDir,
  };
  delete env.DATABASE_URL;
  const databaseUrl = options.databaseUrl ?? scratch?.url;
  if (kind === 'postgres' && databaseUrl) env.DATABASE_URL = databaseUrl;
  let child = await launchServer(env);
  const app: RunningApp = {
    url: child.url,
    stop: async () => {
      await child.stop('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
      await scratch?.drop();
    },
    crash: () => child.stop('SIGKILL'),
    output: () => child.output(),
    restart: async () => {
      child = await launchServer(env);
      app.url = child.url;
    },
  };
  return app;
}

async function launchServer(env: NodeJS.ProcessEnv) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`App did not start:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /open (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1].replace(/\/$/, ''));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`App exited with ${code}:\n${output}`)));
  });
  return {
    url,
    output: () => output,
    stop: async (signal: NodeJS.Signals) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** A port that was free a moment ago (for an app whose URL must be known before it starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Recorded in every page before its own scripts run (an init script is not subject to the page's
 * CSP): each Content-Security-Policy violation, and each error the page's scripts report (an
 * uncaught error, or `console.error`, where React reports a hydration mismatch), for
 * `expectAccessible` to fail on.
 */
const RECORD_PAGE_PROBLEMS = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') +
      (e.sample ? ' (' + e.sample + ')' : '') + ' at ' + e.sourceFile + ':' + e.lineNumber);
  });
  window.__scriptErrors = [];
  window.addEventListener('error', (e) => window.__scriptErrors.push(String(e.message)));
  const consoleError = console.error.bind(console);
  console.error = (...args) => {
    window.__scriptErrors.push(args.map(String).join(' '));
    consoleError(...args);
  };
`;

/**
 * Debian's Chromium, headless, with the flags this closed network needs. Every context it makes
 * records CSP violations and script errors, so every `expectAccessible` also checks that the page
 * ran under the policy and hydrated without an error.
 */
export async function launchChromium(): Promise<Browser> {
  const browser = await launch();
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.addInitScript(RECORD_PAGE_PROBLEMS);
    recordTraffic(context);
    return context;
  };
  return browser;
}

function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A page in a new context (Norwegian locale, plus `options`: say without JavaScript), signed in as
 * the demo user `name` through the development login, on «Mine saker».
 */
export async function signInAs(
  browser: Browser,
  app: RunningApp,
  name: string,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext({ locale: 'nb-NO', ...options });
  const page = await context.newPage();
  await page.goto(`${app.url}/logg-inn`);
  await page.getByRole('button', { name: `Logg inn som ${name}` }).click();
  await page.getByRole('heading', { level: 1, name: 'Mine saker' }).waitFor();
  return page;
}

/** The app and Chromium that `useAppAndBrowser` starts for a describe's tests. */
export interface E2e {
  readonly app: RunningApp;
  readonly browser: Browser;
  /** `signInAs` on this app and browser: a new context signed in as `name`, on «Mine saker». */
  signIn(name: string, options?: BrowserContextOptions): Promise<Page>;
}

/**
 * Starts the app on `kind` (with `options`) and Chromium, side by side, before the calling
 * describe's tests, and closes both after them: its `beforeAll` and `afterAll` are registered
 * where it is called, so `app` and `browser` are there in the tests and in hooks registered after
 * the call. `options` may be a function, called as the app starts, for what an earlier
 * `beforeAll` makes (say an identity provider's URL); an `afterAll` registered before the call
 * runs after the app has stopped (vitest runs after-hooks in reverse).
 */
export function useAppAndBrowser(
  kind: DatabaseKind,
  options: AppOptions | (() => AppOptions) = {},
): E2e {
  let started: { app: RunningApp; browser: Browser } | undefined;
  const get = () => {
    if (!started) throw new Error('useAppAndBrowser: used before its beforeAll has run');
    return started;
  };
  beforeAll(async () => {
    const [app, browser] = await Promise.all([
      startApp(kind, typeof options === 'function' ? options() : options),
      launchChromium(),
    ]);
    started = { app, browser };
  });
  afterAll(async () => {
    await started?.browser.close();
    await started?.app.stop();
  });
  // A failure on a loaded CI machine is often seen only there: say what each open page showed
  // and what the server wrote last, so the report alone tells what happened.
  beforeEach(({ onTestFailed }) => {
    onTestFailed(async () => {
      if (started) console.error(await failureReport(started.app, started.browser));
    });
  });
  return {
    get app() {
      return get().app;
    },
    get browser() {
      return get().browser;
    },
    signIn: (name, contextOptions) => signInAs(get().browser, get().app, name, contextOptions),
  };
}

/** Each context's last requests (for a failure's report): what was asked, answered, pending. */
const traffic = new WeakMap<BrowserContext, string[]>();

function recordTraffic(context: BrowserContext) {
  const log: string[] = [];
  traffic.set(context, log);
  const add = (line: string) => {
    log.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
    if (log.length > 30) log.shift();
  };
  context.on('request', (r) => add(`→ ${r.method()} ${r.url()}`));
  context.on('response', (r) => add(`← ${r.status()} ${r.url()}`));
  context.on('requestfailed', (r) => add(`✗ ${r.url()} ${r.failure()?.errorText ?? ''}`));
}

/** Each open page's address, text and last requests, and the tail of the server's output. */
async function failureReport(app: RunningApp, browser: Browser): Promise<string> {
  const shown = await Promise.all(
    browser.contexts().map(async (context) => {
      const pages = await Promise.all(
        context.pages().map(async (page) => {
          const text = await page
            .locator('body')
            .innerText({ timeout: 2_000 })
            .catch((error: unknown) => `(not readable: ${String(error)})`);
          return `--- ${page.url()}\n${text.slice(0, 12_000)}`;
        }),
      );
      return [...pages, '--- its last requests', ...(traffic.get(context) ?? [])].join('\n');
    }),
  );
  return [
    `Open pages at the failure (${new Date().toISOString().slice(11, 23)}):`,
    ...shown,
    '--- server output (tail)',
    app.output().slice(-4_000),
  ].join('\n');
}

/**
 * Runs every axe rule on the page once it has settled, and fails on any violation. A disclosure
 * still opening (Designsystemet's Details grows its content frame by frame) lets that content lie
 * over what follows for a moment, and axe then reads a colour contrast against the wrong
 * background: so first every animation finishes and the page's height holds for a few frames.
 */
export async function expectAccessible(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)));
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    let height = -1;
    for (let same = 0, frames = 0; same < 5 && frames < 120; frames += 1) {
      await frame();
      const now = document.documentElement.scrollHeight;
      same = now === height ? same + 1 : 0;
      height = now;
    }
  });
  const results = await new AxeBuilder({ page }).analyze();
  const violations = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(violations, `axe violations on ${page.url()}`).toEqual([]);
  // Two elements with one id break whatever points at it (a label's `for`, `aria-labelledby`, an
  // error summary's link), and axe no longer checks it.
  const duplicateIds = await page.evaluate(() => {
    const seen = new Set<string>();
    return [...document.querySelectorAll('[id]')].flatMap((e) => {
      if (!seen.has(e.id)) {
        seen.add(e.id);
        return [];
      }
      return [e.id];
    });
  });
  expect(duplicateIds, `duplicate ids on ${page.url()}`).toEqual([]);
  const blocked = await page.evaluate(
    () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
  );
  expect(blocked, `Content-Security-Policy violations on ${page.url()}`).toEqual([]);
  const errors = await page.evaluate(
    () => (window as unknown as { __scriptErrors?: string[] }).__scriptErrors ?? [],
  );
  expect(errors, `script errors on ${page.url()}`).toEqual([]);
}

/**
 * Runs axe on a page's server-rendered HTML as a browser without JavaScript gets it: fetched with
 * the context's session, scripts removed, loaded into a fresh page of another context.
 */
export async function expectAccessibleWithoutJs(
  browser: Browser,
  context: BrowserContext,
  url: string,
): Promise<void> {
  const html = await (await context.request.get(url)).text();
  await expectAccessibleHtml(browser, html, url);
}

/**
 * Runs axe on a page as a browser without JavaScript shows it now (say the answer to a refused
 * POST, which a second GET would not reproduce): `page.evaluate` does not run there, so its HTML is
 * checked in a fresh page of another context, as `expectAccessibleWithoutJs` does.
 */
export async function expectAccessibleWithoutJsAsShown(browser: Browser, page: Page) {
  await expectAccessibleHtml(browser, await page.content(), page.url());
}

/** Runs axe on a server-rendered page's HTML, scripts removed, links resolved against `url`. */
async function expectAccessibleHtml(browser: Browser, html: string, url: string): Promise<void> {
  const stripped = html
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(/<link[^>]+rel="modulepreload"[^>]*>/gi, '')
    .replace('<head>', `<head><base href="${new URL(url).origin}/">`);
  const checker = await browser.newContext();
  const page = await checker.newPage();
  await page.setContent(stripped, { waitUntil: 'load' });
  await expectAccessible(page);
  await checker.close();
}

/**
 * Headers for a POST made from the test process rather than from a page: the Origin a browser
 * would send, since state-changing requests without one are refused as cross-site (ADR 0011).
 */
export function sameOrigin(url: string): Record<string, string> {
  return { Origin: new URL(url).origin };
}

/**
 * Every tag in the page's tables stands apart from the row behind it (its edge, a border or else
 * its fill, at a contrast of at least 1.3), and at least `striped` of them sit on a tinted (zebra)
 * row. A filled «info» tag on a striped row is the same tint as the row (contrast 1.0), and read
 * as plain text.
 */
export async function expectTagsApartFromTheirRows(page: Page, striped: number): Promise<void> {
  const body = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const tags = await page.locator('table .ds-tag').evaluateAll((elements) =>
    elements.map((tag) => {
      const style = getComputedStyle(tag);
      const cell = tag.closest('td, th');
      return {
        text: tag.textContent,
        behind: cell ? getComputedStyle(cell).backgroundColor : '',
        background: style.backgroundColor,
        border: Number.parseFloat(style.borderTopWidth) > 0 ? style.borderTopColor : '',
      };
    }),
  );
  const opaque = (color: string) => color !== '' && rgba(color)[3] !== 0;
  expect(tags.filter((tag) => opaque(tag.behind)).length).toBeGreaterThanOrEqual(striped);
  const faint = tags
    .map((tag) => ({
      tag: tag.text,
      contrast: contrast(
        opaque(tag.border) ? tag.border : tag.background,
        opaque(tag.behind) ? tag.behind : body,
      ),
    }))
    .filter((edge) => edge.contrast < 1.3);
  expect(faint).toEqual([]);
}

/** A CSS colour as the browser computes it (`rgb(…)` or `rgba(…)`): red, green, blue, alpha. */
function rgba(color: string): [number, number, number, number] {
  const [r = 0, g = 0, b = 0, a = 1] = (color.match(/[\d.]+/g) ?? []).map(Number);
  return [r, g, b, a];
}

/** WCAG's contrast ratio of two opaque colours. */
function contrast(one: string, other: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = rgba(color).map((value) => {
      const s = value / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  };
  const [light, dark] = [luminance(one), luminance(other)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}
