import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const TUNING = fileURLToPath(new URL('./gc-tuning.ts', import.meta.url));

/**
 * Objects from one literal kept alive across scavenges, in batches: what makes V8 count an
 * allocation site's survivors, which it reports under `--trace-pretenuring-statistics`.
 */
const SURVIVORS = `
  const make = (i) => ({ a: i, b: [i, i + 1], c: { d: i } });
  let keep = [];
  for (let r = 0; r < 3000; r += 1) {
    const batch = new Array(2000);
    for (let i = 0; i < 2000; i += 1) batch[i] = make(i);
    keep.push(batch);
    if (keep.length > 200) keep = keep.slice(100);
  }`;

/** The pretenuring feedback V8 reports for `SURVIVORS`, after importing `preload` (or nothing). */
async function pretenuringLines(preload: string | null): Promise<number> {
  const script = `${preload ? `await import(${JSON.stringify(preload)});` : ''}${SURVIVORS}`;
  const { stdout } = await run(process.execPath, [
    '--import',
    'tsx',
    '--trace-pretenuring',
    '--trace-pretenuring-statistics',
    '--input-type=module',
    '-e',
    script,
  ]);
  return stdout.split('\n').filter((line) => line.includes('pretenuring:')).length;
}

describe('gc-tuning', () => {
  it('turns V8 allocation-site pretenuring off in the process that imports it', async () => {
    // Without it, the same objects give V8 pretenuring feedback (the check can tell).
    expect(await pretenuringLines(null)).toBeGreaterThan(0);
    expect(await pretenuringLines(TUNING)).toBe(0);
  }, 30_000);
});
