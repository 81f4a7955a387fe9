/**
 * A deterministic, full-size FEST M30 extract for the benchmark, made by varying the entries of the
 * real 2017 subset (fixtures/fest/fest-mini-2017.xml.gz: 75 products, 107 packages and every
 * catalogue the importer reads or skips). The output has the element structure of the real file,
 * with the namespaces the M30 schema (2014-12-01) prescribes, so it validates against
 * fixtures/fest/xsd/ (the real subset only fails on namespaces, see fixtures/fest/README.md).
 *
 * Variant 0 of each entry is the real entry verbatim (same ids); variant v > 0 gets fresh ids
 * (a hash of seed, original id and v), its references moved to the same variant of what they
 * point to, and varied content: generic brands (substance + maker), strengths scaled by a factor
 * (in VirkestoffMedStyrke and in the names), a new substance every few variants (new name, ATC),
 * package numbers, EANs, pack sizes and prices. The file is written as a stream.
 *
 * The template has no code systems (`KatKodeverk`); the file gets two, where the schema puts
 * them: a synthetic ATC code system the size of the real one (`atcCodeSystem`) and FEST's small
 * price-type code system, which the importer skips.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { SaxesParser } from 'saxes';
import { ATC_CODE_SYSTEM } from '../app/features/fest/domain/m30';

const M30 = 'http://www.kith.no/xmlstds/eresept/m30/2014-12-01';
const FS = 'http://www.kith.no/xmlstds/eresept/forskrivning/2014-12-01';

export const TEMPLATE = fileURLToPath(
  new URL('../fixtures/fest/fest-mini-2017.xml.gz', import.meta.url),
);
export const M30_XSD = fileURLToPath(
  new URL(
    '../fixtures/fest/xsd/R1808-eResept-M30-2014-12-01/ER-M30-2014-12-01.xsd',
    import.meta.url,
  ),
);

export interface FestFileOptions {
  /** LegemiddelMerkevare entries (a full extract has about 9,000). */
  products: number;
  /** Legemiddelpakning entries (a full extract has about 11,000). */
  packages: number;
  seed?: number;
}

export interface FestFileSummary {
  products: number;
  packages: number;
  /** Every `Oppf*` entry, all catalogues. */
  entries: number;
  bytes: number;
}

/** An element of the template, with the namespace it has in a schema-valid file. */
interface Node {
  name: string;
  ns: string;
  attributes: [string, string][];
  children: (Node | string)[];
}

const isNode = (c: Node | string): c is Node => typeof c !== 'string';
const child = (n: Node, name: string) => n.children.filter(isNode).find((c) => c.name === name);
const textOf = (n: Node | undefined) =>
  n ? n.children.filter((c): c is string => typeof c === 'string').join('') : '';
const attrOf = (n: Node | undefined, name: string) =>
  n?.attributes.find(([k]) => k === name)?.[1] ?? null;

/**
 * Reads the template. Namespaces as the schema wants them: the forskrivning subtrees stay in fs,
 * `VarselSlv/Lenke` moves there, everything else (the real file has much in no namespace) is m30.
 */
let template: Node | null = null;
function readTemplate(): Node {
  template ??= parseTemplate();
  return template;
}

function parseTemplate(): Node {
  const parser = new SaxesParser({ xmlns: true });
  const stack: Node[] = [];
  const roots: Node[] = [];
  parser.on('opentag', (tag) => {
    const parent = stack.at(-1);
    let ns = tag.uri === FS ? FS : M30;
    if (parent?.ns === FS || (parent?.name === 'VarselSlv' && tag.local === 'Lenke')) ns = FS;
    const attributes = Object.values(tag.attributes)
      .filter((a) => a.prefix !== 'xmlns' && a.name !== 'xmlns')
      .map((a): [string, string] => [a.local, a.value]);
    const node: Node = { name: tag.local, ns, attributes, children: [] };
    if (parent) parent.children.push(node);
    else roots.push(node);
    stack.push(node);
  });
  parser.on('text', (text) => {
    if (text.trim() !== '') stack.at(-1)?.children.push(text.trim());
  });
  parser.on('closetag', () => stack.pop());
  parser.write(gunzipSync(readFileSync(TEMPLATE)).toString('utf8')).close();
  const [root] = roots;
  if (!root) throw new Error('Empty FEST template');
  return root;
}

/** Generic makers for the brands of variants (a brand is «substance maker», as generics are). */
const MAKERS = [
  'Sandoz',
  'Teva',
  'Mylan',
  'Orion',
  'Krka',
  'Accord',
  'Actavis',
  'Zentiva',
  'Stada',
  'Viatris',
  'Bluefish',
  'Aurobindo',
  'Hikma',
  'Fresenius Kabi',
  'Pfizer',
  'Ebb',
  'Medical Valley',
  'Glenmark',
  'Sun',
  'Amneal',
  'Xiromed',
  'Vitabalans',
  'Abcur',
  'Navamedic',
  'Evolan',
  'Aristo',
  'Hexal',
];
/** Endings that turn a substance into a new one every SUBSTANCE_EVERY variants. */
const STEMS = [
  'azol',
  'amab',
  'inib',
  'olol',
  'pril',
  'sartan',
  'statin',
  'oksacin',
  'vir',
  'tid',
  'parin',
  'dronat',
  'setron',
  'triptan',
  'lukast',
  'gliptin',
  'zumab',
  'ciklib',
];
const FACTORS = [1, 2, 0.5, 4, 2.5, 10, 5, 0.25, 20, 3, 1.5, 8];
const PACK_FACTORS = [1, 2, 3, 5, 10, 4, 6];
const SUBSTANCE_EVERY = 8;

const fmtNumber = (n: number) => {
  const s = Number(n.toPrecision(6)).toString();
  return s;
};
/** Scales every number in a text («0,1 mg» → «0,2 mg»), keeping the Norwegian decimal comma. */
const scaleNumbers = (text: string, factor: number) =>
  factor === 1
    ? text
    : text.replace(/\d+(?:,\d+)?/g, (m) =>
        fmtNumber(Number(m.replace(',', '.')) * factor).replace('.', ','),
      );
const mutateName = (name: string, generation: number) =>
  generation === 0
    ? name
    : name.replace(/[aeiouyæøå]?[^aeiouyæøå]*$/i, '') +
      (STEMS[(generation - 1) % STEMS.length] ?? '') +
      (generation > STEMS.length ? ` ${Math.ceil(generation / STEMS.length)}` : '');
const mutateAtc = (code: string, generation: number) =>
  generation === 0 || code.length !== 7
    ? code
    : code.slice(0, 5) + String((((Number(code.slice(5)) || 0) + generation * 37) % 90) + 10);

/** The 14 anatomical main groups of FEST's ATC code system (real codes and names). */
const ANATOMICAL_GROUPS: readonly (readonly [string, string])[] = [
  ['A', 'Fordøyelsesorganer og stoffskifte'],
  ['B', 'Blod og bloddannende organer'],
  ['C', 'Hjerte og kretsløp'],
  ['D', 'Dermatologiske midler'],
  ['G', 'Urogenitalsystem og kjønnshormoner'],
  ['H', 'Hormoner til systemisk bruk, unntatt kjønnshormoner og insuliner'],
  ['J', 'Antiinfektiva til systemisk bruk'],
  ['L', 'Antineoplastiske og immunmodulerende midler'],
  ['M', 'Muskler og skjelett'],
  ['N', 'Nervesystemet'],
  ['P', 'Antiparasittære midler, insekticider og insektmidler'],
  ['R', 'Respirasjonsorganer'],
  ['S', 'Sanseorganer'],
  ['V', 'Varia'],
];
/** Syllables for the synthetic substances of the fifth level (with `STEMS` as endings). */
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ra', 'to', 've', 'si', 'du', 'fe', 'bo', 'ze'];
/** Subgroups per group at the levels below the first: 7 × 3 × 3 × 6, as wide as the real ATC. */
const ATC_FANOUT = [7, 3, 3, 6] as const;
/** 14 + 98 + 294 + 882 + 5,292 codes: about the real ATC code system's 6,000–7,000. */
export const ATC_CODE_COUNT = ATC_FANOUT.reduce(
  (sum, _, level) =>
    sum + ANATOMICAL_GROUPS.length * ATC_FANOUT.slice(0, level + 1).reduce((a, b) => a * b, 1),
  ANATOMICAL_GROUPS.length,
);

interface AtcElement {
  code: string;
  parent: string | null;
  name: string;
}

/**
 * A synthetic ATC code system with the real one's shape: the 14 main groups, then at each level
 * below codes of the real form (two digits, a letter, a letter, two digits) and names of the real
 * lengths (a group's heading, a substance's name).
 */
function atcCodeSystem(): AtcElement[] {
  const out: AtcElement[] = [];
  const suffix = (level: number, i: number) =>
    level === 0 || level === 3
      ? String(i * (level === 0 ? 3 : 1) + 1).padStart(2, '0')
      : String.fromCharCode(65 + i);
  const headings = ['Midler med virkning på', 'Hemmere av', 'Kombinasjoner med'];
  const visit = (parent: AtcElement, level: number) => {
    const width = ATC_FANOUT[level];
    if (width === undefined) return;
    for (let i = 0; i < width; i++) {
      const code = parent.code + suffix(level, i);
      const n = out.length;
      const word = `${SYLLABLES[n % SYLLABLES.length] ?? ''}${SYLLABLES[(n * 7) % SYLLABLES.length] ?? ''}`;
      const name =
        level === 3
          ? `${word}${STEMS[n % STEMS.length] ?? ''}`.replace(/^./, (c) => c.toUpperCase())
          : `${headings[level % headings.length] ?? ''} ${word}${code.toLowerCase()}`;
      const element = { code, parent: parent.code, name };
      out.push(element);
      visit(element, level + 1);
    }
  };
  for (const [code, name] of ANATOMICAL_GROUPS) {
    const group = { code, parent: null, name };
    out.push(group);
    visit(group, 0);
  }
  return out;
}

/** Catalogues the schema puts after `KatKodeverk`. */
const AFTER_KODEVERK = new Set([
  'KatByttegruppe',
  'KatLegemiddeldose',
  'KatInteraksjon',
  'KatStrDosering',
]);

const escapeText = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/** Where each template id lives and how many variants of it the file has. */
interface Target {
  variants: number;
}

/** An entry of a catalogue, with its ids (wrapper, inner, nested) and what it refers to. */
interface TemplateEntry {
  node: Node;
  ids: string[];
}

class Generator {
  private readonly root = readTemplate();
  private readonly catalogues: { node: Node; entries: TemplateEntry[] }[] = [];
  private readonly targets = new Map<string, Target>();
  private readonly variants = new Map<TemplateEntry, number>();
  private readonly products: TemplateEntry[] = [];
  private readonly packages: TemplateEntry[] = [];
  private readonly productIndex = new Map<string, number>();

  constructor(private readonly options: Required<FestFileOptions>) {
    for (const kat of this.root.children.filter(isNode).filter((c) => c.name.startsWith('Kat'))) {
      const entries = kat.children.filter(isNode).map((node) => ({ node, ids: idsIn(node) }));
      this.catalogues.push({ node: kat, entries });
    }
    for (const { entries } of this.catalogues) {
      for (const entry of entries) {
        const inner = this.inner(entry);
        if (inner.name === 'LegemiddelMerkevare') this.products.push(entry);
        if (inner.name === 'Legemiddelpakning') this.packages.push(entry);
      }
    }
    this.products.forEach((p, i) => this.productIndex.set(textOf(child(this.inner(p), 'Id')), i));
    this.plan();
  }

  private inner(entry: TemplateEntry): Node {
    const inner = entry.node.children.filter(isNode).at(-1);
    if (!inner) throw new Error(`Empty entry ${entry.node.name}`);
    return inner;
  }

  /** How many variants of each template entry the file gets. */
  private plan() {
    const { products, packages } = this.options;
    const per = (n: number, i: number, of: number) =>
      i < n ? Math.floor((n - 1 - i) / of) + 1 : 0;
    this.products.forEach((p, i) => this.variants.set(p, per(products, i, this.products.length)));
    const eligible = this.eligiblePackages();
    this.packages.forEach((p) => this.variants.set(p, 0));
    eligible.forEach((p, i) => this.variants.set(p, per(packages, i, eligible.length)));

    // Each product variant has its own strengths; a new substance every SUBSTANCE_EVERY variants.
    const strengthVariants = new Map<string, number>();
    for (const p of this.products) {
      for (const ref of refsIn(this.inner(p), 'RefVirkestoffMedStyrke')) {
        strengthVariants.set(
          ref,
          Math.max(strengthVariants.get(ref) ?? 0, this.variants.get(p) ?? 0),
        );
      }
    }
    const scale = products / this.products.length;
    const substanceVariants = new Map<string, number>();
    for (const { node, entries } of this.catalogues) {
      if (node.name !== 'KatVirkestoff') continue;
      for (const e of entries) {
        const inner = this.inner(e);
        if (inner.name !== 'VirkestoffMedStyrke') continue;
        const n = strengthVariants.get(textOf(child(inner, 'Id'))) ?? 1;
        this.variants.set(e, n);
        const substance = textOf(child(inner, 'RefVirkestoff'));
        const generations = Math.ceil(n / SUBSTANCE_EVERY);
        substanceVariants.set(
          substance,
          Math.max(substanceVariants.get(substance) ?? 1, generations),
        );
      }
      for (const e of entries) {
        const inner = this.inner(e);
        if (inner.name === 'Virkestoff') {
          this.variants.set(e, substanceVariants.get(textOf(child(inner, 'Id'))) ?? 1);
        }
      }
    }
    // The other catalogues scale with the products.
    for (const { entries } of this.catalogues) {
      entries.forEach((e, i) => {
        if (!this.variants.has(e))
          this.variants.set(e, per(Math.ceil(entries.length * scale), i, entries.length));
      });
    }
    for (const { entries } of this.catalogues) {
      for (const e of entries) {
        for (const id of e.ids) this.targets.set(id, { variants: this.variants.get(e) ?? 0 });
      }
    }
  }

  /** Packages whose product is in the file (all of them once there are ≥ 75 products). */
  private eligiblePackages(): TemplateEntry[] {
    const included = Math.min(this.options.products, this.products.length);
    return this.packages.filter((p) => {
      const ref = textOf(
        child(child(this.inner(p), 'Pakningsinfo') ?? emptyNode, 'RefLegemiddelMerkevare'),
      );
      const index = this.productIndex.get(ref);
      return index !== undefined && index < included;
    });
  }

  private idFor(original: string, variant: number): string {
    if (variant === 0) return original;
    const h = createHash('sha1')
      .update(`${this.options.seed}:${original}:${variant}`)
      .digest('hex')
      .toUpperCase();
    return `ID_${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  }

  /** A reference from variant v: to the same variant of the target, or one that exists. */
  private refFor(original: string, variant: number, divisor = 1): string {
    const target = this.targets.get(original);
    if (!target || target.variants === 0) return original;
    return this.idFor(original, Math.floor(variant / divisor) % target.variants);
  }

  private hash(...parts: (string | number)[]): number {
    return createHash('sha1')
      .update(`${this.options.seed}:${parts.join(':')}`)
      .digest()
      .readUInt32BE(0);
  }

  /** Name, brand and ATC of product variant v of template product t (packages repeat them). */
  private productFacts(t: number, v: number) {
    const template = this.products[t];
    if (!template) throw new Error(`No template product ${t}`);
    const inner = this.inner(template);
    const name = textOf(child(inner, 'NavnFormStyrke'));
    const brand = textOf(child(inner, 'Varenavn'));
    const atc = child(inner, 'Atc');
    const atcCode = attrOf(atc, 'V') ?? '';
    const atcName = attrOf(atc, 'DN') ?? '';
    if (v === 0) return { name, brand, atcCode, atcName, factor: 1 };
    const generation = Math.floor(v / SUBSTANCE_EVERY);
    const factor = FACTORS[v % FACTORS.length] ?? 1;
    const maker = MAKERS[this.hash('maker', t, v) % MAKERS.length] ?? 'Sandoz';
    const substance = mutateName(atcName || brand, generation);
    const newBrand = `${substance} ${maker}`;
    const rest = name.startsWith(brand) && brand ? name.slice(brand.length) : ` ${name}`;
    return {
      name: newBrand + scaleNumbers(rest, factor),
      brand: newBrand,
      atcCode: mutateAtc(atcCode, generation),
      atcName: substance,
      factor,
    };
  }

  async write(path: string): Promise<FestFileSummary> {
    const out = createWriteStream(path, { encoding: 'utf8' });
    let buffer = '';
    let bytes = 0;
    let entries = 0;
    const emit = async (s: string) => {
      buffer += s;
      if (buffer.length < 1 << 16) return;
      bytes += Buffer.byteLength(buffer);
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    };
    await emit(`<?xml version="1.0" encoding="UTF-8"?>\n<FEST xmlns="${M30}">`);
    await emit(`<HentetDato>${escapeText(textOf(child(this.root, 'HentetDato')))}</HentetDato>\n`);
    let varenr = 900000;
    let codeSystems = false;
    const writeCodeSystems = async () => {
      if (codeSystems) return;
      codeSystems = true;
      await emit('<KatKodeverk>\n');
      for (const entry of codeSystemEntries()) {
        await emit(entry);
        entries++;
      }
      await emit('</KatKodeverk>\n');
    };
    for (const { node, entries: templates } of this.catalogues) {
      if (AFTER_KODEVERK.has(node.name)) await writeCodeSystems();
      await emit(`<${node.name}>\n`);
      const widest = Math.max(0, ...templates.map((e) => this.variants.get(e) ?? 0));
      // Variant by variant, so the first entries of a catalogue are the real ones.
      for (let v = 0; v < widest; v++) {
        for (const e of templates) {
          if (v >= (this.variants.get(e) ?? 0)) continue;
          const isPackage = this.inner(e).name === 'Legemiddelpakning';
          const ctx: Context = {
            v,
            entry: e,
            varenr: isPackage && v > 0 ? String(varenr++) : null,
          };
          await emit(this.element(e.node, ctx, null));
          await emit('\n');
          entries++;
        }
      }
      await emit(`</${node.name}>\n`);
    }
    await writeCodeSystems();
    await emit('</FEST>\n');
    bytes += Buffer.byteLength(buffer);
    out.end(buffer);
    await once(out, 'finish');
    return { products: this.options.products, packages: this.options.packages, entries, bytes };
  }

  /** One element of variant ctx.v, varied where the variant differs from the template. */
  private element(node: Node, ctx: Context, parent: Node | null): string {
    const xmlns = node.ns !== (parent?.ns ?? M30) ? ` xmlns="${node.ns}"` : '';
    const attributes = this.attributesOf(node, ctx, parent)
      .map(([k, value]) => ` ${k}="${escapeAttr(value)}"`)
      .join('');
    const content = node.children
      .map((c) =>
        isNode(c) ? this.element(c, ctx, node) : escapeText(this.textFor(node, c, ctx, parent)),
      )
      .join('');
    return content === ''
      ? `<${node.name}${xmlns}${attributes}/>`
      : `<${node.name}${xmlns}${attributes}>${content}</${node.name}>`;
  }

  private facts(ctx: Context) {
    const inner = this.inner(ctx.entry);
    if (inner.name === 'LegemiddelMerkevare') {
      return this.productFacts(this.products.indexOf(ctx.entry), ctx.v);
    }
    if (inner.name === 'Legemiddelpakning') {
      const ref = textOf(
        child(child(inner, 'Pakningsinfo') ?? emptyNode, 'RefLegemiddelMerkevare'),
      );
      const t = this.productIndex.get(ref) ?? 0;
      const target = this.targets.get(ref);
      return this.productFacts(t, target && target.variants > 0 ? ctx.v % target.variants : 0);
    }
    return null;
  }

  private textFor(node: Node, text: string, ctx: Context, parent: Node | null): string {
    const v = ctx.v;
    if (v === 0) return text;
    if (node.name === 'Id') return this.idFor(text, v);
    const inner = this.inner(ctx.entry).name;
    if (node.name === 'RefVirkestoff' && inner === 'VirkestoffMedStyrke') {
      return this.refFor(text, v, SUBSTANCE_EVERY);
    }
    if (this.targets.has(text)) return this.refFor(text, v);
    const facts = this.facts(ctx);
    if (facts && node.name === 'NavnFormStyrke' && parent?.name === inner) return facts.name;
    if (facts && node.name === 'Varenavn') return facts.brand;
    if (inner === 'Legemiddelpakning') {
      if (node.name === 'Varenr' && ctx.varenr) return ctx.varenr;
      if (node.name === 'Ean' && ctx.varenr) return ean(ctx.varenr);
      if (node.name === 'Pakningsstr' && /^\d+$/.test(text)) {
        return String(Number(text) * (PACK_FACTORS[v % PACK_FACTORS.length] ?? 1));
      }
    }
    if (inner === 'Virkestoff' && (node.name === 'Navn' || node.name === 'NavnEngelsk')) {
      return mutateName(text, v);
    }
    return text;
  }

  private attributesOf(node: Node, ctx: Context, parent: Node | null): [string, string][] {
    const v = ctx.v;
    if (v === 0) return node.attributes;
    const inner = this.inner(ctx.entry).name;
    return node.attributes.map(([k, value]): [string, string] => {
      if (node.name === 'Atc' && parent?.name === inner) {
        const facts = this.facts(ctx);
        if (facts && k === 'V') return [k, facts.atcCode];
        if (facts && k === 'DN') return [k, facts.atcName];
      }
      if (inner === 'VirkestoffMedStyrke' && node.name === 'Styrke' && k === 'V') {
        const factor = FACTORS[v % FACTORS.length] ?? 1;
        const n = Number(value);
        return [k, Number.isFinite(n) ? fmtNumber(n * factor) : value];
      }
      if (node.name === 'Pris' && k === 'V') {
        const n = Number(value);
        const factor = 0.7 + (this.hash('price', value, v) % 60) / 100;
        return [k, Number.isFinite(n) ? (n * factor).toFixed(2) : value];
      }
      return [k, value];
    });
  }
}

/**
 * The `OppfKodeverk` entries: FEST's price types (four codes, skipped by the importer) and the
 * synthetic ATC code system, each element's `Id` unique in the file and its `ParentId` resolving.
 */
function codeSystemEntries(): string[] {
  const entry = (
    oid: string,
    title: string,
    elements: { id: string; parentId: string | null; code: string; name: string }[],
  ) =>
    `<OppfKodeverk><Id>ID_KODEVERK_${oid.split('.').at(-1) ?? ''}</Id>` +
    '<Tidspunkt>2017-04-12T03:00:00</Tidspunkt><Status V="A" DN="Aktiv oppføring"/>' +
    `<Info><Id>${oid}</Id><Betegnelse>${escapeText(title)}</Betegnelse>` +
    `<Kortnavn>${escapeText(title)}</Kortnavn>` +
    '<AnsvarligUtgiver>Statens legemiddelverk</AnsvarligUtgiver></Info>' +
    elements
      .map(
        (e) =>
          `<Element><Id>${e.id}</Id>${e.parentId ? `<ParentId>${e.parentId}</ParentId>` : ''}` +
          `<Kode>${e.code}</Kode><Term><Term>${escapeText(e.name)}</Term></Term></Element>`,
      )
      .join('') +
    '</OppfKodeverk>\n';
  const priceTypes = [
    ['2', 'Refusjonspris'],
    ['3', 'AIP'],
    ['4', 'AUP'],
    ['5', 'Trinnpris'],
  ].map(([code = '', name = '']) => ({ id: `ID_7453_${code}`, parentId: null, code, name }));
  const atc = atcCodeSystem().map((e) => ({
    id: `ID_7180_${e.code}`,
    parentId: e.parent === null ? null : `ID_7180_${e.parent}`,
    code: e.code,
    name: e.name,
  }));
  return [
    entry('2.16.578.1.12.4.1.1.7453', 'Type pris', priceTypes),
    entry(ATC_CODE_SYSTEM, 'ATC', atc),
  ];
}

interface Context {
  v: number;
  entry: TemplateEntry;
  varenr: string | null;
}

const emptyNode: Node = { name: '', ns: M30, attributes: [], children: [] };

/** Every `Id` text in an entry (wrapper, inner element, nested such as Refusjonsgruppe). */
function idsIn(node: Node): string[] {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.name === 'Id') out.push(textOf(n));
    n.children.filter(isNode).forEach(walk);
  };
  walk(node);
  return out.filter((id) => id !== '');
}

function refsIn(node: Node, name: string): string[] {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.name === name) out.push(textOf(n));
    n.children.filter(isNode).forEach(walk);
  };
  walk(node);
  return out;
}

/** A Norwegian GTIN-13 (prefix 70) for a package number, with its check digit. */
function ean(varenr: string): string {
  const body = `7046${varenr.padStart(8, '0')}`.slice(0, 12);
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body.charAt(i)) * (i % 2 === 0 ? 1 : 3);
  return body + String((10 - (sum % 10)) % 10);
}

/** Writes a generated extract to `path` (streamed) and says what it holds. */
export async function writeFestFile(
  path: string,
  options: FestFileOptions,
): Promise<FestFileSummary> {
  return new Generator({ seed: 1, ...options }).write(path);
}

/** Validates a file against the M30 XSD with xmllint (streaming); throws when it is not valid. */
export async function validateFestFile(path: string): Promise<void> {
  try {
    await promisify(execFile)('xmllint', ['--noout', '--stream', '--schema', M30_XSD, path], {
      maxBuffer: 1 << 24,
    });
  } catch (error) {
    const e = error as { code?: string; stderr?: string };
    if (e.code === 'ENOENT') {
      throw new Error('xmllint is missing: apt-get install -y libxml2-utils (see .ci/run)');
    }
    throw new Error(
      `Not valid against the M30 XSD:\n${(e.stderr ?? String(error)).slice(0, 4000)}`,
    );
  }
}
