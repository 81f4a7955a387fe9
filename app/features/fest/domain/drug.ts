import type { FestPrice, ResolvedSubstance } from './m30';

/** Preparattype 11 «Krever godkj. Fritak»: no Norwegian MT; dispensing needs a DMP exemption. */
const PREPARATTYPE_EXEMPTION = '11';
/** Preparattype 9 NAF-preparat and 15 Sykehuspreparat: made by Norwegian pharmacies, no MT. */
const PHARMACY_PREPARATIONS = new Set(['9', '15']);

type AuthorisationKind = 'authorised' | 'exemptionRequired' | 'pharmacyPreparation';

/** What a product's Preparattype says about its marketing authorisation. */
export function authorisationKind(preparattypeCode: string | null): AuthorisationKind {
  if (preparattypeCode === PREPARATTYPE_EXEMPTION) return 'exemptionRequired';
  if (preparattypeCode !== null && PHARMACY_PREPARATIONS.has(preparattypeCode)) {
    return 'pharmacyPreparation';
  }
  return 'authorised';
}

export type MarketingStatus = 'marketed' | 'notMarketed' | 'withdrawn';

export interface PackageMarketing {
  marketedFrom: string | null;
  deregisteredOn: string | null;
  unavailableFrom: string | null;
  withdrawn: boolean;
}

/** ISO dates compare as strings. */
const reached = (day: string | null, today: string) => day !== null && day <= today;

/**
 * A pack is on the market from its Markedsforingsdato until it is deregistered (AvregDato) or
 * temporarily unavailable (MidlUtgattDato), and only while the current extract still has it.
 */
export function packageIsMarketed(pack: PackageMarketing, today: string): boolean {
  return (
    !pack.withdrawn &&
    reached(pack.marketedFrom, today) &&
    !reached(pack.deregisteredOn, today) &&
    !reached(pack.unavailableFrom, today)
  );
}

/** Withdrawn: gone from the current extract. Marketed: at least one pack is on the market. */
export function marketingStatus(
  productWithdrawn: boolean,
  packages: readonly PackageMarketing[],
  today: string,
): MarketingStatus {
  if (productWithdrawn) return 'withdrawn';
  return packages.some((p) => packageIsMarketed(p, today)) ? 'marketed' : 'notMarketed';
}

/** PrisVare/Type codes (code system 2.16.578.1.12.4.1.1.7453). */
export const PRICE_TYPES = { refund: '2', aip: '3', aup: '4', stepPrice: '5' } as const;

/** The price of a type in force on `today`: the latest one whose GyldigFraDato has come. */
export function currentPrice(
  prices: readonly FestPrice[],
  type: string,
  today: string,
): number | null {
  let best: FestPrice | null = null;
  for (const price of prices) {
    if (price.type !== type) continue;
    if (price.validFrom !== null && price.validFrom > today) continue;
    if (!best || (price.validFrom ?? '') >= (best.validFrom ?? '')) best = price;
  }
  return best ? best.amount : null;
}

export type RefundBasis = 'bluePrescription' | 'hPrescription' | 'other';

/**
 * The legal basis of a refund group (Refusjonshjemmel, code system 7427): the blue-prescription
 * scheme (folketrygdloven § 5-14, code 200 «§5-14 §2») or H-resept (code 950: the trusts pay).
 */
export function refundBasis(code: string | null, name: string | null): RefundBasis {
  if (code === '950' || (name !== null && /h-resept/i.test(name))) return 'hPrescription';
  if (code === '200' || (name !== null && /§\s*5-14/.test(name))) return 'bluePrescription';
  return 'other';
}

/** «50 mg», «10 mg/5 ml», «0,1 mg»: Norwegian decimal comma, denominator when there is one. */
export function formatStrength(
  s: Pick<ResolvedSubstance, 'amount' | 'unit' | 'perAmount' | 'perUnit'>,
) {
  if (s.amount === null) return null;
  const number = (value: string) => value.replace('.', ',');
  const amount = s.unit ? `${number(s.amount)} ${s.unit}` : number(s.amount);
  if (s.perUnit === null) return amount;
  const per =
    s.perAmount && s.perAmount !== '1' ? `${number(s.perAmount)} ${s.perUnit}` : s.perUnit;
  return `${amount}/${per}`;
}

/** All strengths of a product joined: «9,6 mg + 500 mg + 50 mg» (Kodimagnyl has three). */
export function formatStrengths(substances: readonly ResolvedSubstance[]): string | null {
  const parts = substances.map(formatStrength).filter((s): s is string => s !== null);
  return parts.length ? parts.join(' + ') : null;
}

/**
 * Felleskatalogen has no id mapping to FEST, so we link to its search. The brand (Varenavn) finds
 * the product better than the full name with form and strength.
 */
export function felleskatalogenUrl(brand: string | null, name: string): string {
  return `https://www.felleskatalogen.no/medisin/sok?sokord=${encodeURIComponent(brand ?? name)}`;
}
