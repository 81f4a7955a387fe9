/**
 * M30 (FEST) entries → the records we keep. Pure: the importer hands over one `Oppf*` entry at a
 * time as a small element tree (local names only: the files put the same elements in the m30
 * namespace, the forskrivning namespace or none, see fixtures/fest/README.md).
 */

/** An element by local name, with attributes by local name and its own trimmed text. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** The `Oppf*` entry wrappers the importer keeps; every other catalogue is skipped unread. */
export const ENTRY_WRAPPERS = [
  'OppfLegemiddelMerkevare',
  'OppfLegemiddelpakning',
  'OppfVirkestoff',
  'OppfRefusjon',
] as const;

export const FEST_KINDS = ['product', 'package', 'substance', 'strength', 'refundGroup'] as const;
export type FestKind = (typeof FEST_KINDS)[number];

export interface KindCounts {
  added: number;
  changed: number;
  unchanged: number;
  withdrawn: number;
  /** Withdrawn earlier, present again (counted here, not as changed, unless the content changed). */
  restored: number;
}
export type ImportCounts = Record<FestKind, KindCounts>;

export const emptyCounts = (): ImportCounts =>
  Object.fromEntries(
    FEST_KINDS.map((kind) => [
      kind,
      { added: 0, changed: 0, unchanged: 0, withdrawn: 0, restored: 0 },
    ]),
  ) as ImportCounts;

export function totalCounts(counts: ImportCounts): KindCounts {
  const total: KindCounts = { added: 0, changed: 0, unchanged: 0, withdrawn: 0, restored: 0 };
  for (const kind of FEST_KINDS) {
    for (const key of Object.keys(total) as (keyof KindCounts)[]) total[key] += counts[kind][key];
  }
  return total;
}

/** A price of a package. Types (code system 7453): 2 Refusjonspris, 3 AIP, 4 AUP, 5 Trinnpris. */
export interface FestPrice {
  type: string;
  typeName: string | null;
  amount: number;
  validFrom: string | null;
}

export interface FestRefundCode {
  code: string;
  system: string | null;
  name: string | null;
}

/** A product's substance at its strength, resolved through VirkestoffMedStyrke → Virkestoff. */
export interface ResolvedSubstance {
  name: string | null;
  amount: string | null;
  unit: string | null;
  perAmount: string | null;
  perUnit: string | null;
}

export interface ProductData {
  name: string;
  brand: string | null;
  atcCode: string | null;
  atcName: string | null;
  formCode: string | null;
  formName: string | null;
  formLong: string | null;
  preparattypeCode: string | null;
  preparattypeName: string | null;
  typeSoknadSlvCode: string | null;
  typeSoknadSlvName: string | null;
  reseptgruppe: string | null;
  spcUrl: string | null;
  strengthIds: string[];
}

export interface PackageData {
  productId: string | null;
  varenr: string | null;
  ean: string | null;
  name: string;
  atcCode: string | null;
  preparattypeCode: string | null;
  packSize: string | null;
  marketedFrom: string | null;
  deregisteredOn: string | null;
  unavailableFrom: string | null;
  prices: FestPrice[];
  refundGroupIds: string[];
}

export interface SubstanceData {
  name: string;
  nameEnglish: string | null;
}

export interface StrengthData {
  substanceId: string | null;
  amount: string | null;
  unit: string | null;
  perAmount: string | null;
  perUnit: string | null;
}

export interface RefundGroupData {
  basisCode: string | null;
  basisName: string | null;
  requiresDecision: boolean | null;
  groupNumber: string | null;
  atcCode: string | null;
  eligibleUse: string | null;
  codes: FestRefundCode[];
}

interface Entry<K extends FestKind, D> {
  kind: K;
  id: string;
  /** `Tidspunkt` of the entry (FEST's last change). */
  festChangedAt: string | null;
  data: D;
}

export type FestRecord =
  | Entry<'product', ProductData>
  | Entry<'package', PackageData>
  | Entry<'substance', SubstanceData>
  | Entry<'strength', StrengthData>
  | Entry<'refundGroup', RefundGroupData>;

const child = (el: XmlElement | undefined, name: string) =>
  el?.children.find((c) => c.name === name);
const childrenNamed = (el: XmlElement | undefined, name: string) =>
  el ? el.children.filter((c) => c.name === name) : [];
const nonEmpty = (value: string | undefined) =>
  value === undefined || value === '' ? null : value;
const text = (el: XmlElement | undefined, name: string) => nonEmpty(child(el, name)?.text);
const attr = (el: XmlElement | undefined, name: string, attribute: string) =>
  nonEmpty(child(el, name)?.attributes[attribute]);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (el: XmlElement | undefined, name: string) => {
  const value = text(el, name);
  return value && ISO_DATE.test(value) ? value : null;
};

/** Only web links: the SPC link is rendered as an `href`. */
const webUrl = (value: string | null) => (value && /^https?:\/\//i.test(value) ? value : null);

/** The SmPC: the section headed SPCHUMAN_00 (table of contents) or else the first with a link. */
function spcUrl(product: XmlElement): string | null {
  const sections = childrenNamed(product, 'Preparatomtaleavsnitt');
  const preferred = sections.find((s) => attr(s, 'Avsnittoverskrift', 'V') === 'SPCHUMAN_00');
  for (const section of preferred ? [preferred, ...sections] : sections) {
    const url = webUrl(attr(child(section, 'Lenke'), 'Www', 'V'));
    if (url) return url;
  }
  return null;
}

function product(el: XmlElement): ProductData | null {
  const name = text(el, 'NavnFormStyrke');
  if (!name) return null;
  const strengths = childrenNamed(el, 'SortertVirkestoffMedStyrke')
    .map((s) => ({
      order: Number(text(s, 'Sortering') ?? 0),
      id: text(s, 'RefVirkestoffMedStyrke'),
    }))
    .filter((s): s is { order: number; id: string } => s.id !== null)
    .sort((a, b) => a.order - b.order);
  return {
    name,
    brand: text(el, 'Varenavn'),
    atcCode: attr(el, 'Atc', 'V'),
    atcName: attr(el, 'Atc', 'DN'),
    formCode: attr(el, 'LegemiddelformKort', 'V'),
    formName: attr(el, 'LegemiddelformKort', 'DN'),
    formLong: text(el, 'LegemiddelformLang'),
    preparattypeCode: attr(el, 'Preparattype', 'V'),
    preparattypeName: attr(el, 'Preparattype', 'DN'),
    typeSoknadSlvCode: attr(el, 'TypeSoknadSlv', 'V'),
    typeSoknadSlvName: attr(el, 'TypeSoknadSlv', 'DN'),
    reseptgruppe: attr(el, 'Reseptgruppe', 'V'),
    spcUrl: spcUrl(el),
    strengthIds: strengths.map((s) => s.id),
  };
}

function prices(el: XmlElement): FestPrice[] {
  const out: FestPrice[] = [];
  for (const price of childrenNamed(el, 'PrisVare')) {
    const type = attr(price, 'Type', 'V');
    const amount = Number(attr(price, 'Pris', 'V') ?? Number.NaN);
    if (type === null || !Number.isFinite(amount)) continue;
    out.push({
      type,
      typeName: attr(price, 'Type', 'DN'),
      amount,
      validFrom: date(price, 'GyldigFraDato'),
    });
  }
  return out;
}

function pack(el: XmlElement): PackageData | null {
  const name = text(el, 'NavnFormStyrke');
  if (!name) return null;
  const info = child(el, 'Pakningsinfo');
  const size = text(info, 'Pakningsstr');
  const unit = attr(info, 'EnhetPakning', 'V');
  const marketing = child(el, 'Markedsforingsinfo');
  return {
    productId: text(info, 'RefLegemiddelMerkevare'),
    varenr: text(el, 'Varenr'),
    ean: text(el, 'Ean'),
    name,
    atcCode: attr(el, 'Atc', 'V'),
    preparattypeCode: attr(el, 'Preparattype', 'V'),
    packSize: size && unit ? `${size} ${unit}` : size,
    marketedFrom: date(marketing, 'Markedsforingsdato'),
    deregisteredOn: date(marketing, 'AvregDato'),
    unavailableFrom: date(marketing, 'MidlUtgattDato'),
    prices: prices(el),
    refundGroupIds: childrenNamed(el, 'Refusjon')
      .map((r) => text(r, 'RefRefusjonsgruppe'))
      .filter((id): id is string => id !== null),
  };
}

function refundGroups(basis: XmlElement): { id: string; data: RefundGroupData }[] {
  const decision = text(basis, 'KreverVedtak');
  return childrenNamed(basis, 'Refusjonsgruppe').flatMap((group) => {
    const id = text(group, 'Id');
    if (!id) return [];
    return [
      {
        id,
        data: {
          basisCode: attr(basis, 'Refusjonshjemmel', 'V'),
          basisName: attr(basis, 'Refusjonshjemmel', 'DN'),
          requiresDecision: decision === null ? null : decision === 'true',
          groupNumber: attr(group, 'GruppeNr', 'V'),
          atcCode: attr(group, 'Atc', 'V'),
          eligibleUse: text(group, 'RefusjonsberettighetBruk'),
          codes: childrenNamed(group, 'Refusjonskode').flatMap((c) => {
            const code = attr(c, 'Refusjonskode', 'V');
            return code
              ? [
                  {
                    code,
                    system: attr(c, 'Refusjonskode', 'S'),
                    name: attr(c, 'Refusjonskode', 'DN'),
                  },
                ]
              : [];
          }),
        },
      },
    ];
  });
}

/**
 * The records in one `Oppf*` entry: none when it is not active (`Status V` other than `A`) or has
 * no usable inner element, several for a refund basis with several groups. Keys are the inner
 * elements' own `Id`s, which are what references point to (never the wrapper's `Id`).
 */
export function mapEntry(entry: XmlElement): FestRecord[] {
  const status = attr(entry, 'Status', 'V');
  if (status !== null && status !== 'A') return [];
  const festChangedAt = text(entry, 'Tidspunkt');
  const records: FestRecord[] = [];
  for (const inner of entry.children) {
    const id = text(inner, 'Id');
    switch (inner.name) {
      case 'LegemiddelMerkevare': {
        const data = product(inner);
        if (id && data) records.push({ kind: 'product', id, festChangedAt, data });
        break;
      }
      case 'Legemiddelpakning': {
        const data = pack(inner);
        if (id && data) records.push({ kind: 'package', id, festChangedAt, data });
        break;
      }
      case 'Virkestoff': {
        const name = text(inner, 'Navn');
        if (id && name) {
          const data = { name, nameEnglish: text(inner, 'NavnEngelsk') };
          records.push({ kind: 'substance', id, festChangedAt, data });
        }
        break;
      }
      case 'VirkestoffMedStyrke':
        if (id) {
          const data = {
            substanceId: text(inner, 'RefVirkestoff'),
            amount: attr(inner, 'Styrke', 'V'),
            unit: attr(inner, 'Styrke', 'U'),
            perAmount: attr(inner, 'StyrkeNevner', 'V'),
            perUnit: attr(inner, 'StyrkeNevner', 'U'),
          };
          records.push({ kind: 'strength', id, festChangedAt, data });
        }
        break;
      case 'Refusjonshjemmel':
        for (const group of refundGroups(inner)) {
          records.push({ kind: 'refundGroup', id: group.id, festChangedAt, data: group.data });
        }
        break;
    }
  }
  return records;
}

/**
 * `HentetDato` as an instant. The 2017 sample has a zone (`…Z`); the 2026 one has none, which
 * FEST means as Norwegian time, so a zoneless value is read as Europe/Oslo.
 */
export function parseHentetDato(value: string): Date | null {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.exec(
      value.trim(),
    );
  if (!match) return null;
  if (match[8]) {
    const parsed = new Date(value.trim());
    return Number.isNaN(parsed.getTime()) ? null : parsed;
  }
  const n = (i: number) => Number(match[i] ?? 0);
  const asUtc = Date.UTC(n(1), n(2) - 1, n(3), n(4), n(5), n(6), Math.round(n(7) * 1000));
  return new Date(asUtc - osloOffsetMs(asUtc));
}

/** Built once: building an Intl formatter costs far more than formatting with it. */
const osloClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Europe/Oslo's offset from UTC around an instant (good to the hour, which is all we need). */
function osloOffsetMs(utcMs: number): number {
  const parts = osloClock.formatToParts(new Date(utcMs));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return local - Math.floor(utcMs / 1000) * 1000;
}
