import { describe, expect, it } from 'vitest';
import { reapplyRefusal, reapplyRefusedUrl } from './reapply';

describe('a refused re-application on the case page', () => {
  it.each([
    ['nysoknad=invalidTransition', 'invalidTransition'],
    ['nysoknad=forbidden', 'forbidden'],
    ['nysoknad=conflict', null],
    ['nysoknad=', null],
    ['frister=haster', null],
  ])('%s → %s', (query, expected) => {
    expect(reapplyRefusal(new URLSearchParams(query))).toBe(expected);
  });

  it('round-trips through the case page address', () => {
    const url = new URL(
      reapplyRefusedUrl('4b0c3b8e-5d3a-4c59-9a5e-0a4f1d5a2b11', 'forbidden'),
      'http://x',
    );
    expect(url.pathname).toBe('/saker/4b0c3b8e-5d3a-4c59-9a5e-0a4f1d5a2b11');
    expect(reapplyRefusal(url.searchParams)).toBe('forbidden');
  });
});
