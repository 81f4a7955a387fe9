import { describe, expect, it } from 'vitest';
import { SCHEMES, type Scheme } from '../../cases/domain/application';
import { illegalStep, type TrailRow } from '../../../test/replay';
import {
  daysToDecision,
  generateCases,
  generatedMoments,
  generatedTrail,
  random,
  type GeneratedStep,
} from './generate';

const options = {
  seed: 42,
  count: 500,
  trusts: 5,
  from: new Date('2020-01-01T00:00:00Z'),
  to: new Date('2025-01-01T00:00:00Z'),
};

describe('generated national cases', () => {
  it('are the same for the same seed and differ for another', () => {
    expect(generateCases(options)).toEqual(generateCases(options));
    expect(generateCases({ ...options, seed: 43 })).not.toEqual(generateCases(options));
    expect(random(1)()).toBe(random(1)());
  });

  it('stay inside the period and the trusts, sorted by submission, with every outcome', () => {
    const cases = generateCases(options);
    expect(cases).toHaveLength(500);
    for (const [i, c] of cases.entries()) {
      expect(c.trust).toBeGreaterThanOrEqual(0);
      expect(c.trust).toBeLessThan(5);
      expect(c.submittedAt.getTime()).toBeGreaterThanOrEqual(options.from.getTime());
      expect(c.submittedAt.getTime()).toBeLessThan(options.to.getTime());
      if (i > 0) expect(c.submittedAt >= (cases[i - 1]?.submittedAt ?? c.submittedAt)).toBe(true);
      expect(c.conditions !== null).toBe(c.outcome === 'approvedWithConditions');
      if (c.outcome === 'rejected') expect(c.continued).toBeNull();
    }
    const outcomes = new Set(cases.map((c) => c.outcome));
    expect([...outcomes].sort()).toEqual(['approved', 'approvedWithConditions', 'rejected']);
  });

  it('have patient groups only under the schemes that take one', () => {
    const cases = generateCases({ ...options, count: 2000 });
    const groups = new Set(cases.filter((c) => c.patientScope === 'group').map((c) => c.scheme));
    expect([...groups].sort()).toEqual(['noMarketingAuthorisation', 'offLabel']);
    const schemes = new Set(cases.map((c) => c.scheme));
    expect(schemes.size).toBe(SCHEMES.length);
  });
});

const rows = (trail: readonly GeneratedStep[]): TrailRow[] =>
  trail.map(({ event, from, to, role }) => ({ event, from, to, role }));

describe('generated audit trails, replayed through the workflow table', () => {
  const cases: [Scheme, boolean][] = SCHEMES.flatMap((scheme) => [
    [scheme, false] as [Scheme, boolean],
    [scheme, true] as [Scheme, boolean],
  ]);

  it.each(cases)('%s (followed up: %s): every step, and every prefix, is legal', (scheme, up) => {
    const trail = generatedTrail(scheme, up);
    for (let n = 1; n <= trail.length; n += 1) {
      expect(illegalStep(scheme, rows(trail.slice(0, n)))).toBeNull();
    }
    const events = trail.map((s) => s.event);
    expect(events.at(-1)).toBe(up ? 'recordOutcome' : 'decide');
    expect(events).toContain('recommend');
  });

  it('takes Tilgangsordningen to the interregional committee, which decides; no other scheme', () => {
    for (const scheme of SCHEMES) {
      const trail = generatedTrail(scheme, false);
      const decide = trail.find((s) => s.event === 'decide');
      if (scheme === 'tilgangsordningen') {
        expect(trail.slice(-2).map((s) => [s.event, s.from, s.to, s.role, s.at])).toEqual([
          [
            'forwardToInterregional',
            'recommended',
            'atInterregionalCommittee',
            'decisionMaker',
            'forwarded',
          ],
          ['decide', 'atInterregionalCommittee', 'decided', 'decisionMaker', 'decided'],
        ]);
      } else {
        expect(trail.map((s) => s.event)).not.toContain('forwardToInterregional');
        expect(decide?.from).toBe('recommended');
      }
    }
  });

  // The replay itself fails on an illegal step: a check that cannot fail would prove nothing.
  const committee = rows(generatedTrail('tilgangsordningen', true));
  const trust = rows(generatedTrail('offLabel', false));
  const illegal: [string, Scheme, TrailRow[]][] = [
    [
      'Tilgangsordningen decided by the trust',
      'tilgangsordningen',
      rows(generatedTrail('offLabel', false)),
    ],
    ['an off-label case forwarded', 'offLabel', committee],
    ['a skipped endorsement', 'offLabel', trust.filter((r) => r.event !== 'endorse')],
    [
      'the committee’s decision recorded by an assessor',
      'tilgangsordningen',
      committee.map((r) => (r.event === 'decide' ? { ...r, role: 'assessor' } : r)),
    ],
    [
      'a step to another status than the table’s',
      'offLabel',
      trust.map((r) => (r.event === 'recommend' ? { ...r, to: 'decided' } : r)),
    ],
    ['no creation', 'offLabel', trust.slice(1)],
  ];
  it.each(illegal)('refuses %s', (_, scheme, trail) => {
    expect(illegalStep(scheme, trail)).not.toBeNull();
  });

  it('gives every generated case a legal trail in time order, Tilgangsordningen with its days at the interregional committee', () => {
    const generated = generateCases({ ...options, count: 2000 });
    let committee = 0;
    for (const c of generated) {
      const trail = generatedTrail(c.scheme, c.continued !== null);
      expect(illegalStep(c.scheme, rows(trail))).toBeNull();
      const moments = generatedMoments(c);
      const times = trail.map((s) => moments[s.at]);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(moments.decided - c.submittedAt.getTime()).toBe(daysToDecision(c) * 86_400_000);
      if (c.scheme === 'tilgangsordningen') {
        committee += 1;
        expect(c.days.atInterregionalCommittee).toBeGreaterThanOrEqual(3);
        expect(c.days.atInterregionalCommittee).toBeLessThanOrEqual(33);
      } else {
        expect(c.days.atInterregionalCommittee).toBe(0);
      }
    }
    // About one in ten is Tilgangsordningen (SCHEME_WEIGHTS).
    expect(committee).toBeGreaterThan(100);
  });
});
