import { describe, expect, it } from 'vitest';
import { readTrustFixture } from '../../db/seed.server';
import { NATIONAL_DEMO_TRUSTS } from './demo.server';

describe('the trusts that get generated national history', () => {
  const fixture = new Map(readTrustFixture().map((t) => [t.code, t]));

  it.each(NATIONAL_DEMO_TRUSTS)('%s is a health trust (HF), not a regional one (RHF)', (code) => {
    expect(fixture.get(code)?.kind).toBe('HF');
  });
});
