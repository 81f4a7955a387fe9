/**
 * M30 (FEST) entries → the records we keep. Pure: the reader hands over the parser's events for
 * each `Oppf*` entry (elements by local name only: the files put the same elements in the m30
 * namespace, the forskrivning namespace or none, see fixtures/fest/README.md), and `EntryMapper`
 * reads the fields it needs straight from them, without building the entry as a tree.
 */

/** The `Oppf*` entry wrappers the importer keeps; every other catalogue is skipped unread. */
export const ENTRY_WRAPPERS = [
  'OppfLegemiddelMerkevare',
  'OppfLegemiddelpakning',
  'OppfVirkestoff',
  'OppfRefusjon',
  'OppfKodeverk',
] as const;

/** The ATC code system's OID (`KatKodeverk` `Info/Id`): the only code system whose codes we keep. */
export const ATC_CODE_SYSTEM = '2.16.578.1.12.4.1.1.7180';

export const FEST_KINDS = [
  'product',
  'package',
  'substance',
  'strength',
  'refundGroup',
  'atcCode',
] as const;
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

/** An ATC code of any level (`L`, `L01`, `L01F`, `L01FA`, `L01FA01`) and its Norwegian name. */
export interface AtcCodeData {
  name: string | null;
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
  | Entry<'refundGroup', RefundGroupData>
  /** Keyed by the code itself (what `Atc@V` holds), not the element's `Id`. */
  | Entry<'atcCode', AtcCodeData>;

/** An attribute as the XML parser reports it; the mapping matches on its local name (`V`, `DN`, …). */
export interface XmlAttribute {
  prefix: string;
  local: string;
  value: string;
}
export type XmlAttributes = Readonly<Record<string, XmlAttribute>>;

/**
 * A value read from an entry: undefined until its element is seen, then that element's own text
 * (trimmed) or one of its attributes, null when empty or absent. Where a field is read from one
 * element, only the first element of that name counts.
 */
type Read = string | null | undefined;

const nonEmpty = (value: string | undefined): string | null =>
  value === undefined || value === '' ? null : value;
const read = (value: Read): string | null => value ?? null;

/**
 * How one element is read into the draft of the element it is in. Methods, not function-typed
 * properties: a rule for a draft with some fields then serves in the rules of any draft that has
 * them, and a misspelt field is still a type error.
 */
interface Rule<D extends object> {
  /** The element opens: returns what its text and children are read into, or null to skip it. */
  open(draft: D, attributes: XmlAttributes): object | null;
  /** Its children's rules by local name; null when no child is read. */
  readonly children: RuleTable | null;
  /** Takes the element's own text, trimmed (null when empty), when that is what is read. */
  text?(draft: D, value: string | null): void;
}
type RuleTable = ReadonlyMap<string, Rule<object>>;
type Rules<D extends object> = Readonly<Record<string, Rule<D>>>;

const table = <D extends object>(rules: Rules<D>): RuleTable =>
  new Map<string, Rule<object>>(Object.entries(rules));

/** The element's own text, into `key`. */
const text = <K extends string>(key: K): Rule<Partial<Record<K, Read>>> => ({
  children: null,
  open: (draft) => (draft[key] === undefined ? draft : null),
  text: (draft, value) => {
    draft[key] = value;
  },
});

/** Attributes by local name into keys (`{ V: 'atcCode', DN: 'atcName' }`); children unread. */
const attributes = <K extends string>(
  keys: Readonly<Record<string, K>>,
): Rule<Partial<Record<NoInfer<K>, Read>>> => {
  const fields = Object.values(keys);
  const [seen] = fields;
  return {
    children: null,
    open: (draft, attrs) => {
      if (seen === undefined || draft[seen] !== undefined) return null;
      for (const key of fields) draft[key] = null;
      // Object.keys, not for…in: the parser's attribute objects are dictionaries, which for…in
      // walks slowly, and this runs for most elements that are read.
      for (const name of Object.keys(attrs)) {
        const attribute = attrs[name];
        if (!attribute || attribute.prefix === 'xmlns') continue;
        const key = keys[attribute.local];
        if (key !== undefined) draft[key] = nonEmpty(attribute.value);
      }
      return null;
    },
  };
};

/** The first element of this name, read into a draft of its own under `key`; later ones skipped. */
const first = <K extends string, C extends object>(
  key: K,
  create: () => C,
  rules: NoInfer<Rules<C>>,
): Rule<Partial<Record<K, C>>> => ({
  children: table(rules),
  open: (draft) => {
    if (draft[key] !== undefined) return null;
    const inner = create();
    draft[key] = inner;
    return inner;
  },
});

/** Every element of this name, each read into a draft of its own appended to `key`. */
const each = <K extends string, C extends object>(
  key: K,
  create: () => C,
  rules: NoInfer<Rules<C>>,
): Rule<Record<K, C[]>> => ({
  children: table(rules),
  open: (draft) => {
    const inner = create();
    draft[key].push(inner);
    return inner;
  },
});

interface StrengthRefDraft {
  order: Read;
  id: Read;
}
interface LinkDraft {
  url: Read;
}
interface SectionDraft {
  heading: Read;
  link: LinkDraft | undefined;
}
interface ProductDraft {
  id: Read;
  name: Read;
  brand: Read;
  atcCode: Read;
  atcName: Read;
  formCode: Read;
  formName: Read;
  formLong: Read;
  preparattypeCode: Read;
  preparattypeName: Read;
  typeSoknadSlvCode: Read;
  typeSoknadSlvName: Read;
  reseptgruppe: Read;
  strengths: StrengthRefDraft[];
  sections: SectionDraft[];
}

interface PackInfoDraft {
  productId: Read;
  size: Read;
  unit: Read;
}
interface MarketingDraft {
  marketedFrom: Read;
  deregisteredOn: Read;
  unavailableFrom: Read;
}
interface PriceDraft {
  type: Read;
  typeName: Read;
  amount: Read;
  validFrom: Read;
}
interface RefundDraft {
  groupId: Read;
}
interface PackageDraft {
  id: Read;
  name: Read;
  varenr: Read;
  ean: Read;
  atcCode: Read;
  preparattypeCode: Read;
  info: PackInfoDraft | undefined;
  marketing: MarketingDraft | undefined;
  prices: PriceDraft[];
  refunds: RefundDraft[];
}

interface SubstanceDraft {
  id: Read;
  name: Read;
  nameEnglish: Read;
}

interface StrengthDraft {
  id: Read;
  substanceId: Read;
  amount: Read;
  unit: Read;
  perAmount: Read;
  perUnit: Read;
}

interface RefundCodeDraft {
  code: Read;
  system: Read;
  name: Read;
}
interface RefundGroupDraft {
  id: Read;
  groupNumber: Read;
  atcCode: Read;
  eligibleUse: Read;
  codes: RefundCodeDraft[];
}
interface RefundBasisDraft {
  basisCode: Read;
  basisName: Read;
  requiresDecision: Read;
  groups: RefundGroupDraft[];
}

interface CodeDraft {
  code: Read;
  name: Read;
}

/** An `Oppf*` entry: its status and `Tidspunkt`, and the inner elements we keep, by kind. */
interface EntryDraft {
  status: Read;
  changedAt: Read;
  products: ProductDraft[];
  packages: PackageDraft[];
  substances: SubstanceDraft[];
  strengths: StrengthDraft[];
  refundBases: RefundBasisDraft[];
  /** A code system's OID (`Info/Id` of an `OppfKodeverk`). */
  codeSystem: Read;
  /** The code system's `Element`s, read only for the ATC code system. */
  codes: CodeDraft[];
}

/**
 * Drafts are made with every field there (unread: undefined), so that each kind of draft keeps
 * one shape while it is filled in: the code that reads drafts sees one shape per kind and stays
 * optimised, where drafts that grew their fields in document order had many.
 */
const U = undefined;
const entryDraft = (): EntryDraft => ({
  status: U,
  changedAt: U,
  products: [],
  packages: [],
  substances: [],
  strengths: [],
  refundBases: [],
  codeSystem: U,
  codes: [],
});
const productDraft = (): ProductDraft => ({
  id: U,
  name: U,
  brand: U,
  atcCode: U,
  atcName: U,
  formCode: U,
  formName: U,
  formLong: U,
  preparattypeCode: U,
  preparattypeName: U,
  typeSoknadSlvCode: U,
  typeSoknadSlvName: U,
  reseptgruppe: U,
  strengths: [],
  sections: [],
});
const strengthRefDraft = (): StrengthRefDraft => ({ order: U, id: U });
const sectionDraft = (): SectionDraft => ({ heading: U, link: U });
const linkDraft = (): LinkDraft => ({ url: U });
const packageDraft = (): PackageDraft => ({
  id: U,
  name: U,
  varenr: U,
  ean: U,
  atcCode: U,
  preparattypeCode: U,
  info: U,
  marketing: U,
  prices: [],
  refunds: [],
});
const packInfoDraft = (): PackInfoDraft => ({ productId: U, size: U, unit: U });
const marketingDraft = (): MarketingDraft => ({
  marketedFrom: U,
  deregisteredOn: U,
  unavailableFrom: U,
});
const priceDraft = (): PriceDraft => ({ type: U, typeName: U, amount: U, validFrom: U });
const refundDraft = (): RefundDraft => ({ groupId: U });
const substanceDraft = (): SubstanceDraft => ({ id: U, name: U, nameEnglish: U });
const strengthDraft = (): StrengthDraft => ({
  id: U,
  substanceId: U,
  amount: U,
  unit: U,
  perAmount: U,
  perUnit: U,
});
const refundBasisDraft = (): RefundBasisDraft => ({
  basisCode: U,
  basisName: U,
  requiresDecision: U,
  groups: [],
});
const refundGroupDraft = (): RefundGroupDraft => ({
  id: U,
  groupNumber: U,
  atcCode: U,
  eligibleUse: U,
  codes: [],
});
const refundCodeDraft = (): RefundCodeDraft => ({ code: U, system: U, name: U });
const codeDraft = (): CodeDraft => ({ code: U, name: U });

/**
 * A code system's `Element`, read only while the entry's `Info/Id` (which the schema puts before
 * the elements) names the ATC code system: the elements of any other code system are skipped
 * unread. The name is the first `Term`'s `Term`.
 */
const ATC_CODE: Rule<EntryDraft> = {
  children: table<CodeDraft>({
    Kode: text('code'),
    Term: {
      children: table<CodeDraft>({ Term: text('name') }),
      open: (code) => (code.name === undefined ? code : null),
    },
  }),
  open: (entry) => {
    if (entry.codeSystem !== ATC_CODE_SYSTEM) return null;
    const code = codeDraft();
    entry.codes.push(code);
    return code;
  },
};

/** What each kept element is read from: the M30 paths below an entry that the records need. */
const ENTRY: Rule<EntryDraft> = {
  open: (entry) => entry,
  children: table<EntryDraft>({
    Status: attributes({ V: 'status' }),
    Tidspunkt: text('changedAt'),
    LegemiddelMerkevare: each('products', productDraft, {
      Id: text('id'),
      NavnFormStyrke: text('name'),
      Varenavn: text('brand'),
      Atc: attributes({ V: 'atcCode', DN: 'atcName' }),
      LegemiddelformKort: attributes({ V: 'formCode', DN: 'formName' }),
      LegemiddelformLang: text('formLong'),
      Preparattype: attributes({ V: 'preparattypeCode', DN: 'preparattypeName' }),
      TypeSoknadSlv: attributes({ V: 'typeSoknadSlvCode', DN: 'typeSoknadSlvName' }),
      Reseptgruppe: attributes({ V: 'reseptgruppe' }),
      SortertVirkestoffMedStyrke: each('strengths', strengthRefDraft, {
        Sortering: text('order'),
        RefVirkestoffMedStyrke: text('id'),
      }),
      Preparatomtaleavsnitt: each('sections', sectionDraft, {
        Avsnittoverskrift: attributes({ V: 'heading' }),
        Lenke: first('link', linkDraft, {
          Www: attributes({ V: 'url' }),
        }),
      }),
    }),
    Legemiddelpakning: each('packages', packageDraft, {
      Id: text('id'),
      NavnFormStyrke: text('name'),
      Varenr: text('varenr'),
      Ean: text('ean'),
      Atc: attributes({ V: 'atcCode' }),
      Preparattype: attributes({ V: 'preparattypeCode' }),
      Pakningsinfo: first('info', packInfoDraft, {
        RefLegemiddelMerkevare: text('productId'),
        Pakningsstr: text('size'),
        EnhetPakning: attributes({ V: 'unit' }),
      }),
      Markedsforingsinfo: first('marketing', marketingDraft, {
        Markedsforingsdato: text('marketedFrom'),
        AvregDato: text('deregisteredOn'),
        MidlUtgattDato: text('unavailableFrom'),
      }),
      PrisVare: each('prices', priceDraft, {
        Type: attributes({ V: 'type', DN: 'typeName' }),
        Pris: attributes({ V: 'amount' }),
        GyldigFraDato: text('validFrom'),
      }),
      Refusjon: each('refunds', refundDraft, {
        RefRefusjonsgruppe: text('groupId'),
      }),
    }),
    Virkestoff: each('substances', substanceDraft, {
      Id: text('id'),
      Navn: text('name'),
      NavnEngelsk: text('nameEnglish'),
    }),
    VirkestoffMedStyrke: each('strengths', strengthDraft, {
      Id: text('id'),
      RefVirkestoff: text('substanceId'),
      Styrke: attributes({ V: 'amount', U: 'unit' }),
      StyrkeNevner: attributes({ V: 'perAmount', U: 'perUnit' }),
    }),
    Refusjonshjemmel: each('refundBases', refundBasisDraft, {
      Refusjonshjemmel: attributes({ V: 'basisCode', DN: 'basisName' }),
      KreverVedtak: text('requiresDecision'),
      Refusjonsgruppe: each('groups', refundGroupDraft, {
        Id: text('id'),
        GruppeNr: attributes({ V: 'groupNumber' }),
        Atc: attributes({ V: 'atcCode' }),
        RefusjonsberettighetBruk: text('eligibleUse'),
        Refusjonskode: each('codes', refundCodeDraft, {
          Refusjonskode: attributes({ V: 'code', S: 'system', DN: 'name' }),
        }),
      }),
    }),
    Info: {
      children: table<EntryDraft>({ Id: text('codeSystem') }),
      open: (entry) => (entry.codeSystem === undefined ? entry : null),
    },
    Element: ATC_CODE,
  }),
};

const WRAPPERS: ReadonlySet<string> = new Set(ENTRY_WRAPPERS);
/** The first letters of the wrappers' names (all «O»): most names are turned away by it alone. */
const WRAPPER_INITIALS: ReadonlySet<number> = new Set(ENTRY_WRAPPERS.map((w) => w.charCodeAt(0)));

/**
 * Reads the `Oppf*` entries from the parser's events for the elements below the root, by local
 * name (the caller leaves out elements of foreign namespaces, with their content): `close`
 * returns an entry's records when its wrapper closes. Only the elements a rule reads are looked
 * at; any other element is counted past with all it holds, and no entry is built as a tree.
 */
interface Frame {
  rule: Rule<object>;
  draft: object;
}

export class EntryMapper {
  /** The elements being read, innermost last: the entry's wrapper first. */
  private readonly frames: Frame[] = [];
  /** The innermost element being read (the last frame), null outside an entry. */
  private top: Frame | null = null;
  private entry: EntryDraft | null = null;
  /** Open elements inside one that is not read (0 when reading). */
  private skipped = 0;
  private ownText = '';

  open(name: string, attrs: XmlAttributes): void {
    if (this.skipped > 0) {
      this.skipped++;
      return;
    }
    const parent = this.top;
    if (!parent) {
      // Most elements outside the entries read are in catalogues that are skipped.
      if (!WRAPPER_INITIALS.has(name.charCodeAt(0)) || !WRAPPERS.has(name)) return;
      const entry = entryDraft();
      this.entry = entry;
      this.push({ rule: ENTRY, draft: entry });
      return;
    }
    const rule = parent.rule.children?.get(name);
    const draft = rule?.open(parent.draft, attrs);
    if (!rule || !draft) {
      this.skipped = 1;
      return;
    }
    this.push({ rule, draft });
    if (rule.text) this.ownText = '';
  }

  text(text: string): void {
    if (this.skipped === 0 && this.top?.rule.text) this.ownText += text;
  }

  /** An element closes: the records of the entry it ends, or null when it ends none. */
  close(): FestRecord[] | null {
    if (this.skipped > 0) {
      this.skipped--;
      return null;
    }
    const frame = this.frames.pop();
    if (!frame) return null;
    this.top = this.frames.at(-1) ?? null;
    frame.rule.text?.(frame.draft, nonEmpty(this.ownText.trim()));
    if (this.top || !this.entry) return null;
    const records = entryRecords(this.entry);
    this.entry = null;
    return records;
  }

  private push(frame: Frame): void {
    this.frames.push(frame);
    this.top = frame;
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isoDate = (value: Read) => (value && ISO_DATE.test(value) ? value : null);

/** Only web links: the SPC link is rendered as an `href`. */
const webUrl = (value: Read) => (value && /^https?:\/\//i.test(value) ? value : null);

/** The SmPC: the section headed SPCHUMAN_00 (table of contents) or else the first with a link. */
function spcUrl(sections: SectionDraft[]): string | null {
  const preferred = sections.find((s) => s.heading === 'SPCHUMAN_00');
  for (const section of preferred ? [preferred, ...sections] : sections) {
    const url = webUrl(section.link?.url);
    if (url) return url;
  }
  return null;
}

function product(d: ProductDraft): ProductData | null {
  const name = read(d.name);
  if (!name) return null;
  const strengths = d.strengths
    .map((s) => ({ order: Number(s.order ?? 0), id: read(s.id) }))
    .filter((s): s is { order: number; id: string } => s.id !== null)
    .sort((a, b) => a.order - b.order);
  return {
    name,
    brand: read(d.brand),
    atcCode: read(d.atcCode),
    atcName: read(d.atcName),
    formCode: read(d.formCode),
    formName: read(d.formName),
    formLong: read(d.formLong),
    preparattypeCode: read(d.preparattypeCode),
    preparattypeName: read(d.preparattypeName),
    typeSoknadSlvCode: read(d.typeSoknadSlvCode),
    typeSoknadSlvName: read(d.typeSoknadSlvName),
    reseptgruppe: read(d.reseptgruppe),
    spcUrl: spcUrl(d.sections),
    strengthIds: strengths.map((s) => s.id),
  };
}

function prices(drafts: PriceDraft[]): FestPrice[] {
  const out: FestPrice[] = [];
  for (const price of drafts) {
    const type = read(price.type);
    const amount = Number(price.amount ?? Number.NaN);
    if (type === null || !Number.isFinite(amount)) continue;
    out.push({ type, typeName: read(price.typeName), amount, validFrom: isoDate(price.validFrom) });
  }
  return out;
}

function pack(d: PackageDraft): PackageData | null {
  const name = read(d.name);
  if (!name) return null;
  const size = read(d.info?.size);
  const unit = read(d.info?.unit);
  return {
    productId: read(d.info?.productId),
    varenr: read(d.varenr),
    ean: read(d.ean),
    name,
    atcCode: read(d.atcCode),
    preparattypeCode: read(d.preparattypeCode),
    packSize: size && unit ? `${size} ${unit}` : size,
    marketedFrom: isoDate(d.marketing?.marketedFrom),
    deregisteredOn: isoDate(d.marketing?.deregisteredOn),
    unavailableFrom: isoDate(d.marketing?.unavailableFrom),
    prices: prices(d.prices),
    refundGroupIds: d.refunds.map((r) => read(r.groupId)).filter((id): id is string => id !== null),
  };
}

function refundGroups(basis: RefundBasisDraft): { id: string; data: RefundGroupData }[] {
  const decision = read(basis.requiresDecision);
  return basis.groups.flatMap((group) => {
    const id = read(group.id);
    if (!id) return [];
    return [
      {
        id,
        data: {
          basisCode: read(basis.basisCode),
          basisName: read(basis.basisName),
          requiresDecision: decision === null ? null : decision === 'true',
          groupNumber: read(group.groupNumber),
          atcCode: read(group.atcCode),
          eligibleUse: read(group.eligibleUse),
          codes: group.codes.flatMap((c) => {
            const code = read(c.code);
            return code ? [{ code, system: read(c.system), name: read(c.name) }] : [];
          }),
        },
      },
    ];
  });
}

/**
 * The records of one entry: none when it is not active (`Status V` other than `A`) or has no
 * usable inner element, several for a refund basis with several groups. Keys are the inner
 * elements' own `Id`s, which are what references point to (never the wrapper's `Id`).
 */
function entryRecords(entry: EntryDraft): FestRecord[] {
  const status = read(entry.status);
  if (status !== null && status !== 'A') return [];
  const festChangedAt = read(entry.changedAt);
  const records: FestRecord[] = [];
  for (const d of entry.products) {
    const id = read(d.id);
    const data = product(d);
    if (id && data) records.push({ kind: 'product', id, festChangedAt, data });
  }
  for (const d of entry.packages) {
    const id = read(d.id);
    const data = pack(d);
    if (id && data) records.push({ kind: 'package', id, festChangedAt, data });
  }
  for (const d of entry.substances) {
    const id = read(d.id);
    const name = read(d.name);
    if (id && name) {
      const data = { name, nameEnglish: read(d.nameEnglish) };
      records.push({ kind: 'substance', id, festChangedAt, data });
    }
  }
  for (const d of entry.strengths) {
    const id = read(d.id);
    if (!id) continue;
    const data = {
      substanceId: read(d.substanceId),
      amount: read(d.amount),
      unit: read(d.unit),
      perAmount: read(d.perAmount),
      perUnit: read(d.perUnit),
    };
    records.push({ kind: 'strength', id, festChangedAt, data });
  }
  for (const basis of entry.refundBases) {
    for (const group of refundGroups(basis)) {
      records.push({ kind: 'refundGroup', id: group.id, festChangedAt, data: group.data });
    }
  }
  for (const d of entry.codes) {
    const id = read(d.code);
    if (id) records.push({ kind: 'atcCode', id, festChangedAt, data: { name: read(d.name) } });
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
