import { describe, expect, it } from 'vitest';
import { parseLogFilter } from './filter';

const USER = '0b6f1c0e-8c1a-4c7e-9d6a-2f1e3b4c5d6e';

describe('parseLogFilter', () => {
  it.each([
    ['nothing', '', {}, {}],
    ['a user', `bruker=${USER}`, { userId: USER }, {}],
    ['a malformed user id is ignored', 'bruker=x', {}, {}],
    ["the trust's own people", 'foretak=egne', { readerTrust: { own: true } }, {}],
    ['another trust', `foretak=${USER}`, { readerTrust: { own: false, trustId: USER } }, {}],
    ['a malformed trust is ignored', 'foretak=HBE', {}, {}],
    ['a case number', 'sak=HBE-2026-0001', { caseNumber: 'HBE-2026-0001' }, {}],
    ['a period', 'fra=2026-01-01&til=2026-01-31', { from: '2026-01-01', to: '2026-01-31' }, {}],
    [
      'a period typed dd.mm.åååå',
      'fra=01.01.2026&til=31.01.2026',
      { from: '2026-01-01', to: '2026-01-31' },
      {},
    ],
    [
      'a period typed d.m.åååå',
      'fra=1.1.2026&til=%205.1.2026%20',
      { from: '2026-01-01', to: '2026-01-05' },
      {},
    ],
    ['bad dates', 'fra=31.02.2026&til=2026-02-30', {}, { from: 'invalidDate', to: 'invalidDate' }],
    ['not dates', 'fra=i går&til=2026/01/31', {}, { from: 'invalidDate', to: 'invalidDate' }],
    [
      'a reversed period',
      'fra=31.01.2026&til=1.1.2026',
      { from: '2026-01-31' },
      { to: 'periodReversed' },
    ],
    [
      'a one-day period',
      'fra=2026-01-31&til=31.01.2026',
      { from: '2026-01-31', to: '2026-01-31' },
      {},
    ],
  ])('%s', (_label, query, filter, errors) => {
    const parsed = parseLogFilter(new URLSearchParams(query));
    expect(parsed.filter).toEqual(filter);
    expect(parsed.errors).toEqual(errors);
  });

  it('keeps a bad date as typed, and gives a good one as YYYY-MM-DD (what a date field shows)', () => {
    const { values } = parseLogFilter(new URLSearchParams('fra=31.02.2026&til=5.1.2026'));
    expect([values.from, values.to]).toEqual(['31.02.2026', '2026-01-05']);
  });
});
