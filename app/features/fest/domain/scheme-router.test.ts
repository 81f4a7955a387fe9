import { describe, expect, it } from 'vitest';
import { SCHEMES, type Scheme } from '../../cases/domain/application';
import type { MarketingStatus } from './drug';
import {
  exemptionGuidance,
  contradictedDrugName,
  routeScheme,
  schemeContradictsFest,
  type RouterDrug,
  type RouterSituation,
  type SchemeRoute,
} from './scheme-router';

const drug = (
  preparattype: string,
  marketingStatus: MarketingStatus = 'marketed',
  refund: Partial<RouterDrug['refund']> = {},
): RouterDrug => ({
  preparattype: { code: preparattype },
  marketingStatus,
  refund: { bluePrescription: false, hPrescription: false, ...refund },
});

const situation = (change: Partial<RouterSituation> = {}): RouterSituation => ({
  indicationIsApproved: false,
  underNationalAssessment: false,
  rejectedByBeslutningsforum: false,
  ...change,
});

const MT = drug('7');
const BLUE = drug('7', 'marketed', { bluePrescription: true });
const H = drug('7', 'marketed', { hPrescription: true });

describe('routeScheme', () => {
  it.each<[string, RouterDrug | null, Partial<RouterSituation>, SchemeRoute]>([
    ['MT drug, off-label', MT, {}, { scheme: 'offLabel', codes: [] }],
    [
      'MT drug, approved indication',
      MT,
      { indicationIsApproved: true },
      { scheme: 'notNeeded', codes: [] },
    ],
    [
      'MT drug, indication not answered',
      MT,
      { indicationIsApproved: null },
      { scheme: null, codes: ['indicationUnknown'] },
    ],
    [
      'blue-prescription drug off-label → HELFO § 3 first',
      BLUE,
      {},
      { scheme: 'offLabel', codes: ['helfoSection3'] },
    ],
    [
      'blue-prescription drug on label → blue prescription',
      BLUE,
      { indicationIsApproved: true },
      { scheme: 'notNeeded', codes: ['bluePrescription'] },
    ],
    [
      'H-resept drug on label → the trust pays as usual',
      H,
      { indicationIsApproved: true },
      { scheme: 'notNeeded', codes: ['hPrescription'] },
    ],
    ['H-resept drug off-label', H, {}, { scheme: 'offLabel', codes: [] }],
    [
      'Preparattype 11 (krever godkjenningsfritak)',
      drug('11'),
      { indicationIsApproved: null },
      { scheme: 'noMarketingAuthorisation', codes: ['dmpExemption'] },
    ],
    [
      'Preparattype 11 even with an «approved» indication',
      drug('11'),
      { indicationIsApproved: true },
      { scheme: 'noMarketingAuthorisation', codes: ['dmpExemption'] },
    ],
    [
      'MT drug not marketed in Norway',
      drug('7', 'notMarketed'),
      {},
      { scheme: 'noMarketingAuthorisation', codes: ['notMarketedInNorway', 'dmpExemption'] },
    ],
    [
      'withdrawn from FEST',
      drug('7', 'withdrawn'),
      {},
      { scheme: 'noMarketingAuthorisation', codes: ['withdrawnFromFest', 'dmpExemption'] },
    ],
    [
      'not in FEST at all (free text)',
      null,
      { indicationIsApproved: null },
      { scheme: 'noMarketingAuthorisation', codes: ['notInFest', 'dmpExemption'] },
    ],
    [
      'hospital preparation (Preparattype 15)',
      drug('15', 'notMarketed'),
      {},
      { scheme: 'noMarketingAuthorisation', codes: ['pharmacyPreparation'] },
    ],
    [
      'NAF preparation (Preparattype 9)',
      drug('9'),
      {},
      { scheme: 'noMarketingAuthorisation', codes: ['pharmacyPreparation'] },
    ],
    [
      'under national assessment → unntaksordningen',
      MT,
      { underNationalAssessment: true },
      { scheme: 'unntaksordningen', codes: [] },
    ],
    [
      'under national assessment, no MT → unntaksordningen, still an exemption',
      drug('11'),
      { underNationalAssessment: true },
      { scheme: 'unntaksordningen', codes: ['dmpExemption'] },
    ],
    [
      'rejected by Beslutningsforum → tilgangsordningen',
      MT,
      { rejectedByBeslutningsforum: true, indicationIsApproved: true },
      { scheme: 'tilgangsordningen', codes: ['interregionalCommittee'] },
    ],
    [
      'rejected wins over under assessment',
      MT,
      { rejectedByBeslutningsforum: true, underNationalAssessment: true },
      { scheme: 'tilgangsordningen', codes: ['interregionalCommittee'] },
    ],
  ])('%s', (_, input, change, expected) => {
    expect(routeScheme(input, situation(change))).toEqual(expected);
  });

  it('only routes to the schemes a case can have, or to none', () => {
    const allowed: (string | null)[] = [...SCHEMES, 'notNeeded', null];
    for (const d of [MT, BLUE, H, drug('11'), drug('15'), drug('7', 'withdrawn'), null]) {
      for (const indicationIsApproved of [true, false, null]) {
        for (const underNationalAssessment of [true, false]) {
          for (const rejectedByBeslutningsforum of [true, false]) {
            const route = routeScheme(d, {
              indicationIsApproved,
              underNationalAssessment,
              rejectedByBeslutningsforum,
            });
            expect(allowed).toContain(route.scheme);
          }
        }
      }
    }
  });
});

describe('exemptionGuidance', () => {
  it.each<[string, RouterDrug, string[]]>([
    ['marketed with MT', MT, []],
    ['marketed with MT, blue prescription', BLUE, []],
    ['without MT (preparattype 11)', drug('11'), ['dmpExemption']],
    [
      'with MT, not marketed in Norway',
      drug('7', 'notMarketed'),
      ['notMarketedInNorway', 'dmpExemption'],
    ],
    ['gone from FEST', drug('7', 'withdrawn'), ['withdrawnFromFest', 'dmpExemption']],
    ['a NAF preparation (Preparattype 9)', drug('9'), ['pharmacyPreparation']],
  ])('%s → %j', (_name, d, expected) => {
    expect(exemptionGuidance(d)).toEqual(expected);
  });
});

describe('schemeContradictsFest', () => {
  it.each<[string, Scheme | null, RouterDrug | null, boolean]>([
    ['no Norwegian MT, the drug marketed with MT', 'noMarketingAuthorisation', MT, true],
    ['no Norwegian MT, a blue-prescription drug', 'noMarketingAuthorisation', BLUE, true],
    ['no Norwegian MT, an H-resept drug', 'noMarketingAuthorisation', H, true],
    ['no Norwegian MT, preparattype 11', 'noMarketingAuthorisation', drug('11'), false],
    [
      'no Norwegian MT, MT but not marketed in Norway',
      'noMarketingAuthorisation',
      drug('7', 'notMarketed'),
      false,
    ],
    ['no Norwegian MT, gone from FEST', 'noMarketingAuthorisation', drug('7', 'withdrawn'), false],
    ['no Norwegian MT, a NAF preparation', 'noMarketingAuthorisation', drug('9'), false],
    [
      'no Norwegian MT, no preparattype (read as authorised, as the router does)',
      'noMarketingAuthorisation',
      { ...MT, preparattype: null },
      true,
    ],
    ['no Norwegian MT, a drug not in FEST', 'noMarketingAuthorisation', null, false],
    ['off-label, the drug marketed with MT', 'offLabel', MT, false],
    ['Unntaksordningen, the drug marketed with MT', 'unntaksordningen', MT, false],
    ['Tilgangsordningen, the drug marketed with MT', 'tilgangsordningen', MT, false],
    ['no scheme chosen yet', null, MT, false],
  ])('%s → %j', (_name, scheme, d, expected) => {
    expect(schemeContradictsFest(scheme, d)).toBe(expected);
  });

  it('warns exactly where the router would not choose the scheme for the drug', () => {
    for (const d of [MT, BLUE, H, drug('11'), drug('15'), drug('7', 'notMarketed'), null]) {
      const routed = routeScheme(d, situation({ indicationIsApproved: false })).scheme;
      expect(schemeContradictsFest('noMarketingAuthorisation', d)).toBe(
        routed !== 'noMarketingAuthorisation',
      );
    }
  });
});

describe('contradictedDrugName', () => {
  it.each<[string, Scheme | null, (RouterDrug & { name: string }) | null, string | null]>([
    ['contradicted', 'noMarketingAuthorisation', { ...MT, name: 'Certican' }, 'Certican'],
    ['the scheme fits', 'offLabel', { ...MT, name: 'Certican' }, null],
    ['without MT', 'noMarketingAuthorisation', { ...drug('11'), name: 'Importert' }, null],
    ['no FEST drug', 'noMarketingAuthorisation', null, null],
  ])('%s → %j', (_name, scheme, d, expected) => {
    expect(contradictedDrugName(scheme, d)).toBe(expected);
  });
});
