import type { MarketingStatus } from './drug';

/**
 * What the drug facts card shows about a product (a structural part of `DrugFacts`): the facts a
 * snapshot keeps, and what the card renders, from today's FEST or from a snapshot alike.
 */
export interface ShownDrugFacts {
  id: string;
  name: string;
  atc: { code: string; name: string | null } | null;
  form: { name: string | null; description: string | null };
  substances: { name: string | null; strength: string | null }[];
  strength: string | null;
  preparattype: { code: string; name: string | null } | null;
  /** Preparattype 11: no Norwegian MT, needs a godkjenningsfritak. */
  requiresExemption: boolean;
  reseptgruppe: string | null;
  marketingStatus: MarketingStatus;
  /** ISO timestamp when the product left FEST; null while it is there. */
  withdrawnAt: string | null;
  /** Packages by AUP, cheapest first (without a price last). */
  packages: {
    varenr: string | null;
    packSize: string | null;
    marketed: boolean;
    aup: number | null;
  }[];
  cheapestAup: { amount: number; varenr: string | null; packSize: string | null } | null;
  spcUrl: string | null;
  felleskatalogenUrl: string;
  refund: { bluePrescription: boolean; hPrescription: boolean };
}

/** The FEST extract the facts were read from: the last successful import. */
export interface FestImportRef {
  id: number;
  /** The extract's HentetDato as an ISO timestamp (null if the file had none). */
  hentetAt: string | null;
}

/**
 * The chosen drug's FEST facts as they were when the application was sent (`cases.fest_snapshot`),
 * written at submission and at every resubmission, in the same update as the status change.
 */
export interface FestSnapshot {
  /** The shape of this JSON; a later shape gets a new number. */
  schemaVersion: 1;
  /** When the snapshot was taken (the submission), ISO. */
  takenAt: string;
  festImport: FestImportRef | null;
  facts: ShownDrugFacts;
}

/**
 * Keeps exactly the facts the card shows (no refund groups with their code lists, no FEST
 * internals), so the stored JSON is what the applicant saw and nothing more.
 */
export function takeSnapshot(
  facts: ShownDrugFacts,
  festImport: FestImportRef | null,
  takenAt: Date,
): FestSnapshot {
  return {
    schemaVersion: 1,
    takenAt: takenAt.toISOString(),
    festImport: festImport && { id: festImport.id, hentetAt: festImport.hentetAt },
    facts: {
      id: facts.id,
      name: facts.name,
      atc: facts.atc && { code: facts.atc.code, name: facts.atc.name },
      form: { name: facts.form.name, description: facts.form.description },
      substances: facts.substances.map((s) => ({ name: s.name, strength: s.strength })),
      strength: facts.strength,
      preparattype: facts.preparattype && {
        code: facts.preparattype.code,
        name: facts.preparattype.name,
      },
      requiresExemption: facts.requiresExemption,
      reseptgruppe: facts.reseptgruppe,
      marketingStatus: facts.marketingStatus,
      withdrawnAt: facts.withdrawnAt,
      packages: facts.packages.map((p) => ({
        varenr: p.varenr,
        packSize: p.packSize,
        marketed: p.marketed,
        aup: p.aup,
      })),
      cheapestAup: facts.cheapestAup && {
        amount: facts.cheapestAup.amount,
        varenr: facts.cheapestAup.varenr,
        packSize: facts.cheapestAup.packSize,
      },
      spcUrl: facts.spcUrl,
      felleskatalogenUrl: facts.felleskatalogenUrl,
      refund: {
        bluePrescription: facts.refund.bluePrescription,
        hPrescription: facts.refund.hPrescription,
      },
    },
  };
}

/**
 * The drug a case was sent with, when its snapshot is of `productId` (the product its drug answer
 * names now): its FEST name, the snapshot's ATC code and its substances' names joined with ' + '
 * (empty names skipped), the last two null if the snapshot has none. Null without a snapshot, or when the drug answer
 * names another product by now (returned and changed). The national summary reads a case's drug
 * by the same rule (`refresh_case_summary()`, migration 0042), so a case is matched against the
 * summaries on the code they hold for it.
 */
export function sentDrug(
  snapshot: FestSnapshot | null,
  productId: string | null | undefined,
): { name: string; atc: string | null; substance: string | null } | null {
  if (!snapshot || !productId || snapshot.facts.id !== productId) return null;
  const names = snapshot.facts.substances.flatMap((s) => (s.name ? [s.name] : []));
  return {
    name: snapshot.facts.name,
    atc: snapshot.facts.atc?.code ?? null,
    substance: names.length > 0 ? names.join(' + ') : null,
  };
}

type Refund = keyof ShownDrugFacts['refund'];

/** One meaningful difference between the drug as sent and the drug in today's FEST. */
export type FestChange =
  /** Gone from FEST (a full extract no longer has it), or no longer known at all. */
  | { kind: 'withdrawn' }
  /** Back in FEST after having been gone at submission. */
  | { kind: 'restored' }
  /** On the market ↔ not on the market (both times in FEST). */
  | { kind: 'marketingStatus'; from: MarketingStatus; to: MarketingStatus }
  /** Whether a godkjenningsfritak is needed (Preparattype 11) changed. */
  | { kind: 'exemption'; required: boolean }
  | { kind: 'preparattype'; from: string | null; to: string | null }
  | { kind: 'atc'; from: string | null; to: string | null }
  | { kind: 'name'; from: string; to: string }
  | { kind: 'strength'; from: string | null; to: string | null }
  /** The lowest pharmacy retail price (AUP), NOK; null when FEST has none. */
  | { kind: 'price'; from: number | null; to: number | null }
  | { kind: 'refund'; basis: Refund; covered: boolean }
  | { kind: 'spc'; from: string | null; to: string | null };

export type FestChangeKind = FestChange['kind'];

const cents = (amount: number | null) => (amount === null ? null : Math.round(amount * 100));
const codeOf = (value: { code: string } | null) => value?.code ?? null;
const REFUNDS: readonly Refund[] = ['bluePrescription', 'hPrescription'];

/**
 * What has changed in FEST since the snapshot, most serious first: `current` is today's facts of
 * the same product, or null when FEST no longer knows it. An empty list: nothing that matters.
 */
export function festChanges(snapshot: FestSnapshot, current: ShownDrugFacts | null): FestChange[] {
  const was = snapshot.facts;
  if (current === null) return was.marketingStatus === 'withdrawn' ? [] : [{ kind: 'withdrawn' }];
  const changes: FestChange[] = [];
  const wasIn = was.marketingStatus !== 'withdrawn';
  const isIn = current.marketingStatus !== 'withdrawn';
  if (wasIn && !isIn) changes.push({ kind: 'withdrawn' });
  else if (!wasIn && isIn) changes.push({ kind: 'restored' });
  else if (was.marketingStatus !== current.marketingStatus) {
    changes.push({
      kind: 'marketingStatus',
      from: was.marketingStatus,
      to: current.marketingStatus,
    });
  }
  if (was.requiresExemption !== current.requiresExemption) {
    changes.push({ kind: 'exemption', required: current.requiresExemption });
  }
  const preparattype = [codeOf(was.preparattype), codeOf(current.preparattype)] as const;
  if (preparattype[0] !== preparattype[1]) {
    changes.push({
      kind: 'preparattype',
      from: was.preparattype?.name ?? preparattype[0],
      to: current.preparattype?.name ?? preparattype[1],
    });
  }
  if (codeOf(was.atc) !== codeOf(current.atc)) {
    changes.push({ kind: 'atc', from: codeOf(was.atc), to: codeOf(current.atc) });
  }
  if (was.name !== current.name) changes.push({ kind: 'name', from: was.name, to: current.name });
  if (was.strength !== current.strength) {
    changes.push({ kind: 'strength', from: was.strength, to: current.strength });
  }
  const price = [was.cheapestAup?.amount ?? null, current.cheapestAup?.amount ?? null] as const;
  if (cents(price[0]) !== cents(price[1])) {
    changes.push({ kind: 'price', from: price[0], to: price[1] });
  }
  for (const basis of REFUNDS) {
    if (was.refund[basis] !== current.refund[basis]) {
      changes.push({ kind: 'refund', basis, covered: current.refund[basis] });
    }
  }
  if (was.spcUrl !== current.spcUrl) {
    changes.push({ kind: 'spc', from: was.spcUrl, to: current.spcUrl });
  }
  return changes;
}
