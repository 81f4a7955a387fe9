import { describe, expect, it } from 'vitest';
import {
  festChanges,
  sentDrug,
  takeSnapshot,
  type FestChange,
  type ShownDrugFacts,
} from './snapshot';

/** Certican as the 2017 extract has it (values from fixtures/fest), with FEST-only extras. */
const CERTICAN_FACTS = {
  id: 'ID_F2CEF840-A295-4A7A-9CCD-5873D846C3BD',
  name: 'Certican Disperg tab 0,1 mg',
  brand: 'Certican',
  atc: { code: 'L04AA18', name: 'Everolimus' },
  form: { code: '5', name: 'Dispergerbar tablett', description: null },
  substances: [{ name: 'Everolimus', strength: '0,1 mg' }],
  strength: '0,1 mg',
  preparattype: { code: '7', name: 'Legemiddel' },
  requiresExemption: false,
  typeSoknadSlv: null,
  reseptgruppe: 'C',
  marketingStatus: 'marketed' as const,
  withdrawnAt: null,
  packages: [{ id: 'ID_PACK', varenr: '014884', packSize: '60 stk', marketed: true, aup: 688.8 }],
  cheapestAup: { amount: 688.8, varenr: '014884', packSize: '60 stk' },
  spcUrl: 'https://www.legemiddelsok.no/_layouts/15/Preparatomtaler/Spc/03-2079.pdf',
  felleskatalogenUrl: 'https://www.felleskatalogen.no/medisin/sok?sokord=Certican',
  refund: {
    bluePrescription: true,
    hPrescription: false,
    groups: [{ basis: 'bluePrescription', groupNumber: 'L04AA18_1', codes: [{ code: 'T86' }] }],
  },
};
/** The drug facts of `getDrugFacts` carry more than the card shows. */
const CERTICAN: ShownDrugFacts & typeof CERTICAN_FACTS = CERTICAN_FACTS;

const SENT_AT = new Date('2026-11-02T09:00:00.000Z');
const IMPORT = { id: 7, hentetAt: '2026-11-01T03:00:00.000Z' };

describe('takeSnapshot', () => {
  const snapshot = takeSnapshot(CERTICAN, IMPORT, SENT_AT);

  it('keeps what the card shows, with the time and the FEST import', () => {
    expect(snapshot).toEqual({
      schemaVersion: 1,
      takenAt: '2026-11-02T09:00:00.000Z',
      festImport: { id: 7, hentetAt: '2026-11-01T03:00:00.000Z' },
      facts: {
        id: CERTICAN.id,
        name: 'Certican Disperg tab 0,1 mg',
        atc: { code: 'L04AA18', name: 'Everolimus' },
        form: { name: 'Dispergerbar tablett', description: null },
        substances: [{ name: 'Everolimus', strength: '0,1 mg' }],
        strength: '0,1 mg',
        preparattype: { code: '7', name: 'Legemiddel' },
        requiresExemption: false,
        reseptgruppe: 'C',
        marketingStatus: 'marketed',
        withdrawnAt: null,
        packages: [{ varenr: '014884', packSize: '60 stk', marketed: true, aup: 688.8 }],
        cheapestAup: { amount: 688.8, varenr: '014884', packSize: '60 stk' },
        spcUrl: CERTICAN.spcUrl,
        felleskatalogenUrl: CERTICAN.felleskatalogenUrl,
        refund: { bluePrescription: true, hPrescription: false },
      },
    });
  });

  it('leaves out FEST internals (brand, refund groups, pack ids) and survives JSON', () => {
    const json = JSON.stringify(snapshot);
    expect(json).not.toContain('L04AA18_1');
    expect(json).not.toContain('ID_PACK');
    expect(json).not.toContain('typeSoknadSlv');
    expect(JSON.parse(json)).toEqual(snapshot);
  });

  it('copies, so a later change of the facts does not reach the snapshot', () => {
    const facts = structuredClone(CERTICAN);
    const taken = takeSnapshot(facts, null, SENT_AT);
    for (const pack of facts.packages) pack.aup = 1;
    for (const substance of facts.substances) substance.strength = '1 mg';
    expect(taken.facts.packages[0]?.aup).toBe(688.8);
    expect(taken.facts.substances[0]?.strength).toBe('0,1 mg');
    expect(taken.festImport).toBeNull();
  });
});

/** Today's facts: Certican with some facts changed. */
const today = (change: Partial<ShownDrugFacts>): ShownDrugFacts => ({ ...CERTICAN, ...change });
const EXEMPTION = { code: '11', name: 'Krever godkj. Fritak' };

describe('festChanges', () => {
  const sent = takeSnapshot(CERTICAN, IMPORT, SENT_AT);
  const sentWithdrawn = takeSnapshot(
    today({ marketingStatus: 'withdrawn', withdrawnAt: '2026-10-01T00:00:00.000Z' }),
    IMPORT,
    SENT_AT,
  );

  it.each<[string, ShownDrugFacts | null, FestChange[]]>([
    ['nothing changed', CERTICAN, []],
    [
      'only what is not shown (refund groups, brand)',
      { ...CERTICAN, refund: { bluePrescription: true, hPrescription: false } },
      [],
    ],
    [
      'a price change below one øre',
      today({ cheapestAup: { ...CERTICAN.cheapestAup, amount: 688.801 } }),
      [],
    ],
    [
      'gone from FEST',
      today({ marketingStatus: 'withdrawn', withdrawnAt: '2026-12-01T00:00:00.000Z' }),
      [{ kind: 'withdrawn' }],
    ],
    ['unknown to FEST', null, [{ kind: 'withdrawn' }]],
    [
      'no longer on the market',
      today({ marketingStatus: 'notMarketed' }),
      [{ kind: 'marketingStatus', from: 'marketed', to: 'notMarketed' }],
    ],
    [
      'lost its MT: now needs an exemption',
      today({ preparattype: EXEMPTION, requiresExemption: true }),
      [
        { kind: 'exemption', required: true },
        { kind: 'preparattype', from: 'Legemiddel', to: 'Krever godkj. Fritak' },
      ],
    ],
    [
      'preparattype without a name',
      today({ preparattype: { code: '9', name: null } }),
      [{ kind: 'preparattype', from: 'Legemiddel', to: '9' }],
    ],
    [
      'new ATC code',
      today({ atc: { code: 'L04AH02', name: 'Everolimus' } }),
      [{ kind: 'atc', from: 'L04AA18', to: 'L04AH02' }],
    ],
    [
      'renamed, new strength',
      today({ name: 'Certican tab 0,25 mg', strength: '0,25 mg' }),
      [
        { kind: 'name', from: 'Certican Disperg tab 0,1 mg', to: 'Certican tab 0,25 mg' },
        { kind: 'strength', from: '0,1 mg', to: '0,25 mg' },
      ],
    ],
    [
      'price changed',
      today({ cheapestAup: { amount: 712.4, varenr: '014884', packSize: '60 stk' } }),
      [{ kind: 'price', from: 688.8, to: 712.4 }],
    ],
    ['price gone', today({ cheapestAup: null }), [{ kind: 'price', from: 688.8, to: null }]],
    [
      'off blue prescription, onto H-resept',
      today({ refund: { bluePrescription: false, hPrescription: true } }),
      [
        { kind: 'refund', basis: 'bluePrescription', covered: false },
        { kind: 'refund', basis: 'hPrescription', covered: true },
      ],
    ],
    ['new SmPC link', today({ spcUrl: null }), [{ kind: 'spc', from: CERTICAN.spcUrl, to: null }]],
    [
      'withdrawn and repriced: the withdrawal first',
      today({ marketingStatus: 'withdrawn', cheapestAup: null }),
      [{ kind: 'withdrawn' }, { kind: 'price', from: 688.8, to: null }],
    ],
  ])('%s', (_, current, expected) => {
    expect(festChanges(sent, current)).toEqual(expected);
  });

  it.each<[string, ShownDrugFacts | null, FestChange[]]>([
    ['still withdrawn', today({ marketingStatus: 'withdrawn' }), []],
    ['still unknown', null, []],
    ['back in FEST, on the market', CERTICAN, [{ kind: 'restored' }]],
    [
      'back in FEST, not on the market',
      today({ marketingStatus: 'notMarketed' }),
      [{ kind: 'restored' }],
    ],
  ])('sent while withdrawn: %s', (_, current, expected) => {
    expect(festChanges(sentWithdrawn, current)).toEqual(expected);
  });
});

describe('sentDrug', () => {
  const sent = takeSnapshot(CERTICAN, IMPORT, SENT_AT);
  const withFacts = (facts: Partial<ShownDrugFacts>) => ({
    ...sent,
    facts: { ...sent.facts, ...facts },
  });

  it.each([
    {
      name: 'the snapshot of the product the answer names',
      snapshot: sent,
      productId: CERTICAN.id,
      expected: { name: CERTICAN.name, atc: 'L04AA18', substance: 'Everolimus' },
    },
    {
      name: 'substances in order, empty names skipped',
      snapshot: withFacts({
        substances: [
          { name: 'Emtricitabin', strength: null },
          { name: '', strength: null },
          { name: null, strength: null },
          { name: 'Tenofovir', strength: null },
        ],
      }),
      productId: CERTICAN.id,
      expected: { name: CERTICAN.name, atc: 'L04AA18', substance: 'Emtricitabin + Tenofovir' },
    },
    {
      name: 'no ATC code and no named substance: nulls, for the answer to fill in',
      snapshot: withFacts({ atc: null, substances: [{ name: null, strength: '1 mg' }] }),
      productId: CERTICAN.id,
      expected: { name: CERTICAN.name, atc: null, substance: null },
    },
    { name: 'another product by now', snapshot: sent, productId: 'ID_OTHER', expected: null },
    { name: 'no product named', snapshot: sent, productId: null, expected: null },
    { name: 'no snapshot', snapshot: null, productId: CERTICAN.id, expected: null },
  ])('$name', ({ snapshot, productId, expected }) => {
    expect(sentDrug(snapshot, productId)).toEqual(expected);
  });
});
