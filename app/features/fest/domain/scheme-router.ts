import type { Scheme } from '../../cases/domain/application';
import { authorisationKind, type MarketingStatus } from './drug';

/**
 * The scheme router (BRIEF §5): from the drug's FEST facts and the clinical situation, which scheme
 * an application belongs to, and what else the applicant must do. Pure; texts are in the catalogue.
 */

/** A scheme of `SCHEMES`, or no application to the trust at all. */
export type RoutedScheme = Scheme | 'notNeeded';

/** What the router needs from FEST (a `DrugFacts` fits). */
export interface RouterDrug {
  preparattype: { code: string } | null;
  marketingStatus: MarketingStatus;
  refund: { bluePrescription: boolean; hPrescription: boolean };
}

export interface RouterSituation {
  /** Is the indication in the approved SmPC? Null: not answered yet. */
  indicationIsApproved: boolean | null;
  /** The method is under national assessment in Nye Metoder. */
  underNationalAssessment: boolean;
  /** Beslutningsforum for nye metoder has said no to the method. */
  rejectedByBeslutningsforum: boolean;
}

/** What else applies, as message codes (texts: `msg.router`). */
export const ROUTER_CODES = [
  /** The drug is not in FEST (typed as free text): assume it has no Norwegian MT. */
  'notInFest',
  /** The drug is no longer in the current FEST extract. */
  'withdrawnFromFest',
  /** Authorised, but no pack is marketed in Norway now. */
  'notMarketedInNorway',
  /** The pharmacy needs a godkjenningsfritak from DMP (the doctor applies through the pharmacy). */
  'dmpExemption',
  /** NAF or hospital preparation: made by a Norwegian pharmacy, no MT and no exemption needed. */
  'pharmacyPreparation',
  /** Answer whether the indication is approved before the scheme can be chosen. */
  'indicationUnknown',
  /** Blue-prescription drug off-label: consider individual refund from HELFO (§ 3) first. */
  'helfoSection3',
  /** Approved indication on blue prescription: prescribe on blue prescription, no application. */
  'bluePrescription',
  /** H-resept drug: the trust pays under its ordinary routines. */
  'hPrescription',
  /** Tilgangsordningen: the medical director checks exceptionality, an interregional committee decides. */
  'interregionalCommittee',
] as const;
export type RouterCode = (typeof ROUTER_CODES)[number];

export interface SchemeRoute {
  /** Null until the situation is known well enough (see the `indicationUnknown` code). */
  scheme: RoutedScheme | null;
  codes: RouterCode[];
}

/** FEST says the drug has a Norwegian marketing authorisation and is marketed in Norway. */
function marketedWithNorwegianMt(drug: RouterDrug): boolean {
  const kind = authorisationKind(drug.preparattype?.code ?? null);
  return kind === 'authorised' && drug.marketingStatus === 'marketed';
}

export function routeScheme(drug: RouterDrug | null, situation: RouterSituation): SchemeRoute {
  const codes: RouterCode[] = [];
  const kind = drug ? authorisationKind(drug.preparattype?.code ?? null) : null;

  if (!drug) codes.push('notInFest');
  else if (drug.marketingStatus === 'withdrawn') codes.push('withdrawnFromFest');
  else if (kind === 'authorised' && drug.marketingStatus === 'notMarketed') {
    codes.push('notMarketedInNorway');
  }

  // A drug without MT, or with MT but not on the Norwegian market, needs an exemption to be dispensed.
  const withoutMarketedMt = !drug || !marketedWithNorwegianMt(drug);
  if (withoutMarketedMt && kind !== 'pharmacyPreparation') codes.push('dmpExemption');
  if (kind === 'pharmacyPreparation') codes.push('pharmacyPreparation');

  if (situation.rejectedByBeslutningsforum) {
    return { scheme: 'tilgangsordningen', codes: [...codes, 'interregionalCommittee'] };
  }
  if (situation.underNationalAssessment) return { scheme: 'unntaksordningen', codes };
  if (withoutMarketedMt) return { scheme: 'noMarketingAuthorisation', codes };

  const refund = drug.refund;
  if (situation.indicationIsApproved === null) {
    return { scheme: null, codes: [...codes, 'indicationUnknown'] };
  }
  if (!situation.indicationIsApproved) {
    return {
      scheme: 'offLabel',
      codes: refund.bluePrescription ? [...codes, 'helfoSection3'] : codes,
    };
  }
  if (refund.bluePrescription) codes.push('bluePrescription');
  if (refund.hPrescription) codes.push('hPrescription');
  return { scheme: 'notNeeded', codes };
}

/** The router's codes that concern a godkjenningsfritak (texts: `msg.router.codes`). */
const EXEMPTION_CODES: readonly RouterCode[] = [
  'withdrawnFromFest',
  'notMarketedInNorway',
  'dmpExemption',
  'pharmacyPreparation',
];

/**
 * What FEST says about a godkjenningsfritak for the chosen drug: guidance beside the question
 * whether one has been applied for (an application without Norwegian MT). Empty for a drug
 * marketed with Norwegian MT.
 */
export function exemptionGuidance(drug: RouterDrug): RouterCode[] {
  const situation = {
    indicationIsApproved: null,
    underNationalAssessment: false,
    rejectedByBeslutningsforum: false,
  };
  return routeScheme(drug, situation).codes.filter((code) => EXEMPTION_CODES.includes(code));
}

/**
 * Whether FEST contradicts the scheme chosen: an application «uten norsk markedsføringstillatelse»
 * for a drug that FEST says has Norwegian MT and is marketed in Norway, which the router sends
 * elsewhere (off-label, or no application at all). A warning to the applicant and to those who
 * judge the case, never a refusal: the applicant may mean a product FEST does not list. A drug
 * with MT but not marketed in Norway, gone from FEST, or not in FEST fits the scheme.
 */
export function schemeContradictsFest(scheme: Scheme | null, drug: RouterDrug | null): boolean {
  return scheme === 'noMarketingAuthorisation' && drug !== null && marketedWithNorwegianMt(drug);
}

/** The drug's name when FEST contradicts the scheme (`schemeContradictsFest`), else null. */
export function contradictedDrugName(
  scheme: Scheme | null,
  drug: (RouterDrug & { name: string }) | null,
): string | null {
  return drug && schemeContradictsFest(scheme, drug) ? drug.name : null;
}
