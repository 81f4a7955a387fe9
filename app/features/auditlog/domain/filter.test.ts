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
    ['bad dates', 'fra=1.1.2026&til=2026-02-30', {}, { from: 'invalidDate', to: 'invalidDate' }],
  ])('%s', (_label, query, filter, errors) => {
    const parsed = parseLogFilter(new URLSearchParams(query));
    expect(parsed.filter).toEqual(filter);
    expect(parsed.errors).toEqual(errors);
  });

  it('keeps what the user typed', () => {
    expect(parseLogFilter(new URLSearchParams('fra=1.1.2026')).values.from).toBe('1.1.2026');
  });
});
