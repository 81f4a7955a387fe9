import { describe, expect, it } from 'vitest';
import {
  EntryMapper,
  emptyCounts,
  parseHentetDato,
  totalCounts,
  type FestRecord,
  type XmlAttributes,
} from './m30';

/** An element as the tests write it: local name, attributes by local name, own text, children. */
interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** A compact element builder: el('Atc', { V: 'N06AA09' }), el('Navn', 'Amitriptylin'). */
function el(
  name: string,
  content: Record<string, string> | string | XmlElement[] = [],
  children: XmlElement[] = [],
): XmlElement {
  if (typeof content === 'string') return { name, attributes: {}, children: [], text: content };
  if (Array.isArray(content)) return { name, attributes: {}, children: content, text: '' };
  return { name, attributes: content, children, text: '' };
}

const xmlAttributes = (attributes: Record<string, string>): XmlAttributes =>
  Object.fromEntries(
    Object.entries(attributes).map(([local, value]) => [local, { prefix: '', local, value }]),
  );

/** Sends an element's events (its text split in two, before its children) to the mapper. */
function replay(mapper: EntryMapper, element: XmlElement): FestRecord[] | null {
  mapper.open(element.name, xmlAttributes(element.attributes));
  const half = Math.ceil(element.text.length / 2);
  mapper.text(element.text.slice(0, half));
  mapper.text(element.text.slice(half));
  for (const child of element.children) expect(replay(mapper, child)).toBeNull();
  return mapper.close();
}

/** The records of one entry, read as the parser's events. */
const mapEntry = (entry: XmlElement) => replay(new EntryMapper(), entry) ?? [];

const wrapper = (name: string, inner: XmlElement[], status = 'A') =>
  el(name, [
    el('Id', 'ID_WRAPPER'),
    el('Tidspunkt', '2026-01-23T03:13:53'),
    el('Status', { V: status }),
    ...inner,
  ]);

const spc = (heading: string, url: string) =>
  el('Preparatomtaleavsnitt', [
    el('Avsnittoverskrift', { V: heading }),
    el('Lenke', [el('Www', { V: url })]),
  ]);

const PRODUCT = el('LegemiddelMerkevare', [
  el('Atc', { V: 'N06AA09', S: '2.16.578.1.12.4.1.1.7180', DN: 'Amitriptylin' }),
  el('NavnFormStyrke', 'Amitriptylin Abcur tab 50 mg'),
  el('Reseptgruppe', { V: 'C', DN: 'Reseptgruppe C' }),
  el('LegemiddelformKort', { V: '53', DN: 'Tablett' }),
  el('Preparattype', { V: '7', DN: 'Legemiddel' }),
  el('TypeSoknadSlv', { V: '1', DN: 'Skal ikke søkes' }),
  el('Id', 'ID_PRODUCT'),
  el('Varenavn', 'Amitriptylin Abcur'),
  el('LegemiddelformLang', 'Tablett, filmdrasjert'),
  el('SortertVirkestoffMedStyrke', [el('Sortering', '1'), el('RefVirkestoffMedStyrke', 'ID_S1')]),
  el('SortertVirkestoffMedStyrke', [el('Sortering', '0'), el('RefVirkestoffMedStyrke', 'ID_S0')]),
  spc('SPCHUMAN_05', 'https://example.org/other.pdf'),
  spc('SPCHUMAN_00', 'https://produktinformasjon.legemiddelsok.no/preparatomtaler/16-11420.pdf'),
]);

describe('mapEntry', () => {
  it('maps a product by its inner Id, strengths in Sortering order, the SPCHUMAN_00 link', () => {
    expect(mapEntry(wrapper('OppfLegemiddelMerkevare', [PRODUCT]))).toEqual([
      {
        kind: 'product',
        id: 'ID_PRODUCT',
        festChangedAt: '2026-01-23T03:13:53',
        data: {
          name: 'Amitriptylin Abcur tab 50 mg',
          brand: 'Amitriptylin Abcur',
          atcCode: 'N06AA09',
          atcName: 'Amitriptylin',
          formCode: '53',
          formName: 'Tablett',
          formLong: 'Tablett, filmdrasjert',
          preparattypeCode: '7',
          preparattypeName: 'Legemiddel',
          typeSoknadSlvCode: '1',
          typeSoknadSlvName: 'Skal ikke søkes',
          reseptgruppe: 'C',
          spcUrl: 'https://produktinformasjon.legemiddelsok.no/preparatomtaler/16-11420.pdf',
          strengthIds: ['ID_S0', 'ID_S1'],
        },
      },
    ]);
  });

  it.each([
    ['a javascript: link', 'javascript:alert(1)', null],
    ['an http link', 'http://www.ema.europa.eu/x.pdf', 'http://www.ema.europa.eu/x.pdf'],
  ])('keeps only web links as SPC: %s', (_, url, expected) => {
    const product = el('LegemiddelMerkevare', [
      el('Id', 'P'),
      el('NavnFormStyrke', 'X'),
      spc('SPCHUMAN_00', url),
    ]);
    const [record] = mapEntry(wrapper('OppfLegemiddelMerkevare', [product]));
    expect(record?.kind === 'product' && record.data.spcUrl).toBe(expected);
  });

  it('maps a package: product reference, marketing dates, prices by type, refund groups', () => {
    const pack = el('Legemiddelpakning', [
      el('Atc', { V: 'L04AA18' }),
      el('NavnFormStyrke', 'Certican Disperg tab 0,1 mg'),
      el('Preparattype', { V: '7' }),
      el('Refusjon', [el('RefRefusjonsgruppe', 'ID_GROUP'), el('GyldigFraDato', '2008-01-17')]),
      el('Id', 'ID_PACK'),
      el('Varenr', '014884'),
      el('Ean', '7046260148840'),
      el('Pakningsinfo', [
        el('RefLegemiddelMerkevare', 'ID_PRODUCT'),
        el('Pakningsstr', '60'),
        el('EnhetPakning', { V: 'stk', DN: 'stykk' }),
      ]),
      el('PrisVare', [
        el('Type', { V: '4', DN: 'AUP' }),
        el('Pris', { V: '688.8', U: 'NOK' }),
        el('GyldigFraDato', '2017-01-01'),
      ]),
      el('PrisVare', [el('Type', { V: '3', DN: 'AIP' }), el('Pris', { V: 'n/a' })]),
      el('Markedsforingsinfo', [
        el('Markedsforingsdato', '2004-07-15'),
        el('AvregDato', '2017-01-18'),
      ]),
    ]);
    expect(mapEntry(wrapper('OppfLegemiddelpakning', [pack]))).toEqual([
      {
        kind: 'package',
        id: 'ID_PACK',
        festChangedAt: '2026-01-23T03:13:53',
        data: {
          productId: 'ID_PRODUCT',
          varenr: '014884',
          ean: '7046260148840',
          name: 'Certican Disperg tab 0,1 mg',
          atcCode: 'L04AA18',
          preparattypeCode: '7',
          packSize: '60 stk',
          marketedFrom: '2004-07-15',
          deregisteredOn: '2017-01-18',
          unavailableFrom: null,
          prices: [{ type: '4', typeName: 'AUP', amount: 688.8, validFrom: '2017-01-01' }],
          refundGroupIds: ['ID_GROUP'],
        },
      },
    ]);
  });

  it('maps substances and substances with strength from KatVirkestoff', () => {
    const substance = el('Virkestoff', [
      el('Id', 'ID_V'),
      el('Navn', 'Amitriptylin'),
      el('NavnEngelsk', 'Amitriptyline'),
    ]);
    const strength = el('VirkestoffMedStyrke', [
      el('Id', 'ID_S'),
      el('Styrke', { V: '10', U: 'mg' }),
      el('StyrkeNevner', { V: '5', U: 'ml' }),
      el('RefVirkestoff', 'ID_V'),
    ]);
    expect(mapEntry(wrapper('OppfVirkestoff', [substance]))[0]).toMatchObject({
      kind: 'substance',
      id: 'ID_V',
      data: { name: 'Amitriptylin', nameEnglish: 'Amitriptyline' },
    });
    expect(mapEntry(wrapper('OppfVirkestoff', [strength]))[0]).toMatchObject({
      kind: 'strength',
      id: 'ID_S',
      data: { substanceId: 'ID_V', amount: '10', unit: 'mg', perAmount: '5', perUnit: 'ml' },
    });
  });

  it('maps each refund group of a refund basis, keyed by the group Id', () => {
    const group = (id: string, code: string) =>
      el('Refusjonsgruppe', [
        el('Id', id),
        el('GruppeNr', { V: `${code}_1` }),
        el('Atc', { V: code }),
        el('RefusjonsberettighetBruk', 'Hypertensjon.'),
        el('Refusjonskode', [
          el('Refusjonskode', {
            V: 'I15',
            S: '2.16.578.1.12.4.1.1.7110',
            DN: 'Sekundær hypertensjon',
          }),
        ]),
      ]);
    const basis = el('Refusjonshjemmel', [
      el('Refusjonshjemmel', { V: '200', DN: '§5-14 §2' }),
      el('KreverVedtak', 'false'),
      group('ID_G1', 'C09CA06'),
      group('ID_G2', 'C09CA07'),
    ]);
    const records = mapEntry(wrapper('OppfRefusjon', [basis]));
    expect(records.map((r) => r.id)).toEqual(['ID_G1', 'ID_G2']);
    expect(records[0]).toMatchObject({
      kind: 'refundGroup',
      data: {
        basisCode: '200',
        basisName: '§5-14 §2',
        requiresDecision: false,
        groupNumber: 'C09CA06_1',
        codes: [{ code: 'I15', system: '2.16.578.1.12.4.1.1.7110', name: 'Sekundær hypertensjon' }],
      },
    });
  });

  it.each([
    ['an inactive entry', wrapper('OppfLegemiddelMerkevare', [PRODUCT], 'I')],
    [
      'an entry without a usable inner element',
      wrapper('OppfLegemiddelMerkevare', [el('LegemiddelMerkevare', [el('Id', 'X')])]),
    ],
    [
      'an inner element of another catalogue',
      wrapper('OppfInteraksjon', [el('Interaksjon', [el('Id', 'X')])]),
    ],
  ])('yields nothing for %s', (_, entry) => {
    expect(mapEntry(entry)).toEqual([]);
  });
});

describe('KatKodeverk', () => {
  const ATC = '2.16.578.1.12.4.1.1.7180';
  const info = (oid: string) =>
    el('Info', [
      el('Id', oid),
      el('Betegnelse', 'ATC'),
      el('Kortnavn', 'ATC'),
      el('AnsvarligUtgiver', 'Direktoratet for medisinske produkter'),
    ]);
  const element = (code: string, ...terms: string[]) =>
    el('Element', [
      el('Id', `ID_${code}`),
      el('ParentId', 'ID_PARENT'),
      el('Kode', code),
      ...terms.map((term) => el('Term', [el('Term', term), el('Sprak', { V: 'NO' })])),
    ]);
  const codes = (entry: XmlElement) =>
    mapEntry(entry).map((r) => (r.kind === 'atcCode' ? [r.id, r.data.name] : [r.kind, r.id]));

  it.each([
    [
      'every level of the ATC code system, keyed by the code, named by the first Term',
      wrapper('OppfKodeverk', [
        info(ATC),
        element('L', 'Antineoplastiske og immunmodulerende midler'),
        element('L01', 'Antineoplastiske midler'),
        element('L01F', 'Monoklonale antistoffer og antistoff-legemiddelkonjugater'),
        element('L01FA', 'CD20-hemmere', 'Another term'),
        element('L01FA01', 'Rituksimab'),
      ]),
      [
        ['L', 'Antineoplastiske og immunmodulerende midler'],
        ['L01', 'Antineoplastiske midler'],
        ['L01F', 'Monoklonale antistoffer og antistoff-legemiddelkonjugater'],
        ['L01FA', 'CD20-hemmere'],
        ['L01FA01', 'Rituksimab'],
      ],
    ],
    [
      'a code without a name, and nothing for an element without a code',
      wrapper('OppfKodeverk', [info(ATC), element('L04'), element(' ', 'No code')]),
      [['L04', null]],
    ],
    [
      'nothing of another code system (price types)',
      wrapper('OppfKodeverk', [info('2.16.578.1.12.4.1.1.7453'), element('3', 'AIP')]),
      [],
    ],
    [
      'nothing of an inactive ATC entry (so a full extract withdraws its codes)',
      wrapper('OppfKodeverk', [info(ATC), element('L01', 'Antineoplastiske midler')], 'I'),
      [],
    ],
    [
      'nothing before the Info that names the code system',
      wrapper('OppfKodeverk', [element('L01', 'Antineoplastiske midler'), info(ATC)]),
      [],
    ],
  ])('reads %s', (_, entry, expected) => {
    expect(codes(entry)).toEqual(expected);
  });

  it("keeps the entry's Tidspunkt on each code", () => {
    const [record] = mapEntry(wrapper('OppfKodeverk', [info(ATC), element('L', 'L-name')]));
    expect(record).toEqual({
      kind: 'atcCode',
      id: 'L',
      festChangedAt: '2026-01-23T03:13:53',
      data: { name: 'L-name' },
    });
  });
});

describe('EntryMapper', () => {
  const substance = (inner: XmlElement[]) =>
    wrapper('OppfVirkestoff', [el('Virkestoff', [el('Id', 'ID_V'), ...inner])]);
  const substanceName = (entry: XmlElement) => {
    const [record] = mapEntry(entry);
    return record?.kind === 'substance' ? record.data.name : undefined;
  };

  it.each([
    ['the first of two elements read once', [el('Navn', 'First'), el('Navn', 'Second')], 'First'],
    [
      'not a read name inside an element that is not read',
      [el('Produsent', [el('Navn', 'Wrong')]), el('Navn', 'Right')],
      'Right',
    ],
    [
      "an element's own text, not its children's",
      [{ name: 'Navn', attributes: {}, children: [el('Merknad', 'Wrong')], text: ' Right ' }],
      'Right',
    ],
    ['nothing for an element with only spaces', [el('Navn', '  '), el('Navn', 'Later')], undefined],
  ])('reads %s', (_, inner, expected) => {
    expect(substanceName(substance(inner))).toBe(expected);
  });

  it('reads only the first of an element holding fields, and its attributes as they are there', () => {
    const pack = el('Legemiddelpakning', [
      el('Id', 'ID_PACK'),
      el('NavnFormStyrke', 'X'),
      el('Atc', { DN: 'No code here' }),
      el('Atc', { V: 'L04AA18' }),
      el('Pakningsinfo', [el('Pakningsstr', '60'), el('EnhetPakning', { V: 'stk' })]),
      el('Pakningsinfo', [el('RefLegemiddelMerkevare', 'ID_OTHER'), el('Pakningsstr', '90')]),
    ]);
    expect(mapEntry(wrapper('OppfLegemiddelpakning', [pack]))[0]?.data).toMatchObject({
      atcCode: null,
      productId: null,
      packSize: '60 stk',
    });
  });

  it('finds entries inside elements it does not read, and returns records once per entry', () => {
    const mapper = new EntryMapper();
    mapper.open('KatVirkestoff', {});
    const first = replay(mapper, substance([el('Navn', 'A')]));
    const second = replay(mapper, substance([el('Navn', 'B')]));
    expect(mapper.close()).toBeNull();
    expect([first, second].map((records) => records?.map((r) => r.kind))).toEqual([
      ['substance'],
      ['substance'],
    ]);
    expect(replay(mapper, el('KatInteraksjon', [el('Navn', 'Not an entry')]))).toBeNull();
  });
});

describe('parseHentetDato', () => {
  it.each([
    ['2017-04-12T18:26:27.336Z', '2017-04-12T18:26:27.336Z'],
    // No zone: Norwegian time (summer time, UTC+2).
    ['2026-09-08T03:09:06', '2026-09-08T01:09:06.000Z'],
    // Winter time, UTC+1.
    ['2026-01-08T03:09:06', '2026-01-08T02:09:06.000Z'],
    ['2026-01-08T03:09:06+01:00', '2026-01-08T02:09:06.000Z'],
  ])('%s → %s', (value, expected) => {
    expect(parseHentetDato(value)?.toISOString()).toBe(expected);
  });

  it.each(['', '2026-01-08', 'yesterday'])('rejects %j', (value) => {
    expect(parseHentetDato(value)).toBeNull();
  });
});

describe('counts', () => {
  it('totals the counts of every kind', () => {
    const counts = emptyCounts();
    counts.product.added = 2;
    counts.package.added = 3;
    counts.substance.withdrawn = 1;
    expect(totalCounts(counts)).toEqual({
      added: 5,
      changed: 0,
      unchanged: 0,
      withdrawn: 1,
      restored: 0,
    });
  });
});
