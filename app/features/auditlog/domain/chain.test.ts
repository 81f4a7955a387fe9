import { describe, expect, it } from 'vitest';
import {
  canonicalRow,
  formatAnchor,
  GENESIS,
  hashInput,
  parseAnchor,
  parseVerifyArgs,
  type ChainRow,
} from './chain';

const HASH = 'ab'.repeat(32);
const ROW: ChainRow = {
  id: 7,
  seq: 3,
  trustId: '11111111-1111-4111-8111-111111111111',
  userId: '22222222-2222-4222-8222-222222222222',
  role: 'decisionMaker',
  caseId: null,
  purpose: 'casework',
  action: 'view',
  objectId: null,
  createdAt: '2026-12-04T16:52:04.123456Z',
  readerTrustId: null,
};

describe('canonicalRow and hashInput', () => {
  it("is jsonb's text form of the row's array: ', ' between elements, null for none", () => {
    expect(canonicalRow(ROW)).toBe(
      '[7, 3, "11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222", ' +
        '"decisionMaker", null, "casework", "view", null, "2026-12-04T16:52:04.123456Z"]',
    );
  });

  it('appends the reader trust only when it is set, so older rows hash as before', () => {
    const reader = '33333333-3333-4333-8333-333333333333';
    const consulted = canonicalRow({ ...ROW, role: 'consultant', readerTrustId: reader });
    expect(consulted.endsWith(`"2026-12-04T16:52:04.123456Z", "${reader}"]`)).toBe(true);
    expect(canonicalRow(ROW)).not.toContain('3333');
  });

  it('escapes strings as jsonb does: quotes, backslashes, control characters; keeps æøå', () => {
    const text = canonicalRow({ ...ROW, action: 'a "b" \\ c\nd\te\u0001 æøå', objectId: '/x' });
    expect(text).toContain('"a \\"b\\" \\\\ c\\nd\\te\\u0001 æøå", "/x"');
  });

  it('puts the previous hash first', () => {
    expect(hashInput(GENESIS, ROW)).toBe(`${'0'.repeat(64)}${canonicalRow(ROW)}`);
    expect(hashInput(HASH, ROW).startsWith(HASH)).toBe(true);
  });
});

describe('parseAnchor', () => {
  it('reads TRUST:SEQ:HASH and prints it back', () => {
    const parsed = parseAnchor(`HBE:42:${HASH}`);
    expect(parsed).toEqual({ ok: true, anchor: { trustCode: 'HBE', seq: 42, hash: HASH } });
    if (parsed.ok) expect(formatAnchor(parsed.anchor)).toBe(`HBE:42:${HASH}`);
  });

  it('takes lower-case codes and upper-case hex as the same anchor', () => {
    expect(parseAnchor(` hbe:42:${HASH.toUpperCase()} `)).toEqual({
      ok: true,
      anchor: { trustCode: 'HBE', seq: 42, hash: HASH },
    });
  });

  it.each([
    ['no parts', 'HBE'],
    ['no hash', 'HBE:42'],
    ['seq 0', `HBE:0:${HASH}`],
    ['a negative seq', `HBE:-1:${HASH}`],
    ['a seq that is not a number', `HBE:x:${HASH}`],
    ['a short hash', 'HBE:42:abc'],
    ['a hash that is not hex', `HBE:42:${'g'.repeat(64)}`],
    ['an extra part', `HBE:42:${HASH}:1`],
    ['no trust', `:42:${HASH}`],
  ])('refuses %s with a reason', (_label, text) => {
    const parsed = parseAnchor(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/TRUST:SEQ:HASH/);
  });
});

describe('parseVerifyArgs', () => {
  it('reads every --anchor, as a separate or an = argument', () => {
    const { anchors, errors } = parseVerifyArgs([
      '--anchor',
      `HBE:1:${HASH}`,
      `--anchor=OUS:2:${HASH}`,
    ]);
    expect(errors).toEqual([]);
    expect(anchors.map(formatAnchor)).toEqual([`HBE:1:${HASH}`, `OUS:2:${HASH}`]);
  });

  it('reports a missing value, a bad anchor and an unknown argument', () => {
    const { anchors, errors } = parseVerifyArgs(['--anker', 'x', '--anchor=HBE:1:y', '--anchor']);
    expect(anchors).toEqual([]);
    expect(errors).toHaveLength(4);
    expect(errors[0]).toMatch(/Unknown argument "--anker"/);
    expect(errors[1]).toMatch(/Unknown argument "x"/);
    expect(errors[2]).toMatch(/"HBE:1:y" is not an anchor/);
    expect(errors[3]).toMatch(/--anchor needs a value/);
  });

  it('reads nothing from no arguments', () => {
    expect(parseVerifyArgs([])).toEqual({ anchors: [], errors: [] });
  });
});
