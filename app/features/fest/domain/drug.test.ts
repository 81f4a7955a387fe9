import { describe, expect, it } from 'vitest';
import {
  authorisationKind,
  currentPrice,
  felleskatalogenUrl,
  formatStrength,
  formatStrengths,
  marketingStatus,
  packageIsMarketed,
  PRICE_TYPES,
  refundBasis,
  type PackageMarketing,
} from './drug';
import type { FestPrice } from './m30';

const TODAY = '2026-11-22';
const pack = (change: Partial<PackageMarketing> = {}): PackageMarketing => ({
  marketedFrom: '2020-01-01',
  deregisteredOn: null,
  unavailableFrom: null,
  withdrawn: false,
  ...change,
});

describe('authorisationKind', () => {
  it.each([
    ['7', 'authorised'],
    ['6', 'authorised'],
    ['11', 'exemptionRequired'],
    ['9', 'pharmacyPreparation'],
    ['15', 'pharmacyPreparation'],
    [null, 'authorised'],
  ])('Preparattype %s → %s', (code, expected) => {
    expect(authorisationKind(code)).toBe(expected);
  });
});

describe('packageIsMarketed', () => {
  it.each<[string, Partial<PackageMarketing>, boolean]>([
    ['on the market', {}, true],
    ['marketed from today', { marketedFrom: TODAY }, true],
    ['marketed from tomorrow', { marketedFrom: '2026-11-23' }, false],
    ['no marketing date', { marketedFrom: null }, false],
    ['deregistered', { deregisteredOn: '2025-01-18' }, false],
    ['deregistration announced for later', { deregisteredOn: '2027-01-01' }, true],
    ['temporarily unavailable', { unavailableFrom: '2026-02-01' }, false],
    ['withdrawn from FEST', { withdrawn: true }, false],
  ])('%s → %s', (_, change, expected) => {
    expect(packageIsMarketed(pack(change), TODAY)).toBe(expected);
  });
});

describe('marketingStatus', () => {
  it.each<[string, boolean, PackageMarketing[], string]>([
    ['one marketed pack', false, [pack({ deregisteredOn: '2020-02-01' }), pack()], 'marketed'],
    ['only deregistered packs', false, [pack({ deregisteredOn: '2020-02-01' })], 'notMarketed'],
    ['no packs', false, [], 'notMarketed'],
    ['product withdrawn', true, [pack()], 'withdrawn'],
  ])('%s → %s', (_, withdrawn, packs, expected) => {
    expect(marketingStatus(withdrawn, packs, TODAY)).toBe(expected);
  });
});

describe('currentPrice', () => {
  const prices: FestPrice[] = [
    { type: '4', typeName: 'AUP', amount: 100, validFrom: '2024-01-01' },
    { type: '4', typeName: 'AUP', amount: 120, validFrom: '2026-01-01' },
    { type: '4', typeName: 'AUP', amount: 130, validFrom: '2027-01-01' },
    { type: '3', typeName: 'AIP', amount: 80, validFrom: '2026-06-01' },
  ];
  it.each<[string, string, number | null]>([
    ['the latest AUP in force', PRICE_TYPES.aup, 120],
    ['AIP', PRICE_TYPES.aip, 80],
    ['a type the pack has not', PRICE_TYPES.refund, null],
  ])('%s', (_, type, expected) => {
    expect(currentPrice(prices, type, TODAY)).toBe(expected);
  });

  it('takes a price without a date when it is the only one', () => {
    expect(
      currentPrice([{ type: '4', typeName: null, amount: 5, validFrom: null }], '4', TODAY),
    ).toBe(5);
  });
});

describe('refundBasis', () => {
  it.each([
    ['200', '§5-14 §2', 'bluePrescription'],
    ['950', 'H-resept', 'hPrescription'],
    [null, '§ 5-14 §3a', 'bluePrescription'],
    ['999', 'Annet', 'other'],
    [null, null, 'other'],
  ])('%s %s → %s', (code, name, expected) => {
    expect(refundBasis(code, name)).toBe(expected);
  });
});

describe('formatStrength', () => {
  const s = (
    amount: string | null,
    unit: string | null,
    perAmount: string | null = null,
    perUnit: string | null = null,
  ) => ({
    amount,
    unit,
    perAmount,
    perUnit,
  });
  it.each([
    [s('50', 'mg'), '50 mg'],
    [s('0.1', 'mg'), '0,1 mg'],
    [s('10', 'mg', '5', 'ml'), '10 mg/5 ml'],
    [s('334', 'mg', '1', 'ml'), '334 mg/ml'],
    [s('100', '% w/v'), '100 % w/v'],
    [s(null, 'mg'), null],
  ])('%j → %s', (input, expected) => {
    expect(formatStrength(input)).toBe(expected);
  });

  it('joins the strengths of a combination product', () => {
    expect(
      formatStrengths([
        { name: 'Kodein', ...s('9.6', 'mg') },
        { name: 'Acetylsalisylsyre', ...s('500', 'mg') },
      ]),
    ).toBe('9,6 mg + 500 mg');
    expect(formatStrengths([])).toBeNull();
  });
});

describe('felleskatalogenUrl', () => {
  it.each([
    ['Amitriptylin Abcur', 'Amitriptylin Abcur tab 50 mg', 'Amitriptylin%20Abcur'],
    [
      null,
      'Sevofluran Baxter Væske 100 % w/v',
      'Sevofluran%20Baxter%20V%C3%A6ske%20100%20%25%20w%2Fv',
    ],
  ])('%s / %s', (brand, name, query) => {
    expect(felleskatalogenUrl(brand, name)).toBe(
      `https://www.felleskatalogen.no/medisin/sok?sokord=${query}`,
    );
  });
});
