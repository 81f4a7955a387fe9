import { chromium } from 'playwright-core';
const base = 'http://localhost:3939';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const who = process.argv[2] ?? 'Ingrid Haugland';
const paths = process.argv.slice(3);
const context = await browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: Number(process.env.VH ?? 900) } });
const page = await context.newPage();
await page.goto(`${base}/logg-inn`);
await page.getByRole('button', { name: `Logg inn som ${who}` }).click();
await page.waitForURL((u) => !u.pathname.startsWith('/logg-inn'));
for (const [i, path] of ['/', ...paths].entries()) {
  if (path.startsWith('link:')) {
    const href = await page.locator('a', { hasText: path.slice(5) }).first().getAttribute('href');
    await page.goto(new URL(href ?? '/', page.url()).href);
  } else await page.goto(base + path);
  await page.waitForLoadState('networkidle');
  const file = `/work/exp/shots/${who.split(' ')[0]}-${i}.png`;
  await page.screenshot({ path: file, fullPage: process.env.FULL !== '0' });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0, k = 0; process.env.CHUNK && y < height; y += 1400, k++) {
    await page.screenshot({ path: file.replace('.png', `-${k}.png`), fullPage: true, clip: { x: 0, y, width: 1280, height: Math.min(1400, height - y) } });
  }
  console.log(file, page.url(), await page.title());
}
await browser.close();
