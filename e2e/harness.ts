import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  openPglite,
  openPostgres,
  type Database,
  type DatabaseKind,
  type Db,
} from '../app/db/database.server';
import { seed } from '../app/db/seed.server';
import { createScratchDatabase } from '../app/test/databases';

export interface RunningApp {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the built app (`npm run build` first) as its own process on a free port, on a fresh
 * PGlite folder or a fresh database on the DATABASE_URL server. `prepare` writes data into the
 * migrated, seeded database before the app opens it (PGlite has one process at a time).
 */
export async function startApp(
  kind: DatabaseKind,
  options: { prepare?: (db: Db) => Promise<unknown> } = {},
): Promise<RunningApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sp-e2e-'));
  const scratch = kind === 'postgres' ? await createScratchDatabase() : null;
  if (options.prepare) {
    const database: Database = scratch
      ? openPostgres(scratch.url, 2)
      : await openPglite(join(dataDir, 'pglite'));
    try {
      await database.migrate();
      await seed(database.db);
      await options.prepare(database.db);
    } finally {
      await database.close();
    }
  }
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  if (scratch) env.DATABASE_URL = scratch.url;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
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
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
      await scratch?.drop();
    },
  };
}

/** Debian's Chromium, headless, with the flags this closed network needs. */
export function launchChromium(): Promise<Browser> {
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

/** Runs every axe rule on the page as it is now and fails on any violation. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const violations = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(violations, `axe violations on ${page.url()}`).toEqual([]);
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
