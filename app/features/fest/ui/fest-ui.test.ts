import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DrugFacts } from '../fest.server';
import { DrugCombobox } from './DrugCombobox';
import { takeSnapshot, type FestChange } from '../domain/snapshot';
import { CaseDrugFacts, festChangeText } from './CaseDrugFacts';
import { DrugFactsCard } from './DrugFactsCard';

/** Attributes of the first element matching a tag and containing a snippet. */
function element(html: string, tag: string, snippet: string): string {
  const found = html.match(new RegExp(`<${tag}\\b[^>]*${snippet}[^>]*>`));
  if (!found) throw new Error(`No <${tag}> with ${snippet} in ${html}`);
  return found[0];
}

describe('DrugCombobox without JavaScript (server-rendered)', () => {
  const html = renderToStaticMarkup(
    createElement(DrugCombobox, {
      name: 'drug',
      label: 'Legemiddel',
      description: 'Handelsnavn eller virkestoff',
      error: 'Fyll inn hvilket legemiddel det søkes om.',
      defaultValue: { id: 'ID_SAROTEX', label: 'Sarotex tab 10 mg' },
    }),
  );

  it('is a labelled plain text input that posts the text as <name>Label', () => {
    expect(element(html, 'label', 'for="drug"')).toBeTruthy();
    const input = element(html, 'input', 'id="drug"');
    expect(input).toContain('name="drugLabel"');
    expect(input).toContain('value="Sarotex tab 10 mg"');
    expect(input).toContain('aria-invalid="true"');
  });

  it('posts the chosen product id as <name>', () => {
    expect(element(html, 'input', 'type="hidden"')).toContain('name="drug"');
    expect(element(html, 'input', 'type="hidden"')).toContain('value="ID_SAROTEX"');
  });

  it('shows the description and the error, and no selection chip', () => {
    expect(html).toContain('Handelsnavn eller virkestoff');
    expect(html).toContain('Fyll inn hvilket legemiddel det søkes om.');
    expect(html).not.toContain('<data');
  });

  it('starts empty without a default', () => {
    const empty = renderToStaticMarkup(
      createElement(DrugCombobox, { name: 'drug', label: 'Legemiddel' }),
    );
    expect(element(empty, 'input', 'type="hidden"')).toContain('value=""');
    expect(element(empty, 'input', 'id="drug"')).toContain('value=""');
  });
});

const FACTS: DrugFacts = {
  id: 'ID_ROSEMONT',
  name: 'Amitriptyline Hydrochloride rosemont mikst oppl 50 mg/5 ml',
  brand: 'Amitriptyline Hydrochloride rosemont',
  atc: { code: 'N06AA09', name: 'Amitriptylin' },
  form: { code: '842', name: 'Mikstur, oppløsning', description: 'Mikstur, oppløsning' },
  substances: [{ name: 'Amitriptylin', strength: '50 mg/5 ml' }],
  strength: '50 mg/5 ml',
  preparattype: { code: '11', name: 'Krever godkj. Fritak' },
  requiresExemption: true,
  typeSoknadSlv: { code: '2', name: 'Søknad vurderes av apotek' },
  reseptgruppe: 'C',
  marketingStatus: 'marketed',
  withdrawnAt: null,
  packages: [{ id: 'P', varenr: '307893', packSize: '150 ml', marketed: true, aup: 310.5 }],
  cheapestAup: { amount: 310.5, varenr: '307893', packSize: '150 ml' },
  spcUrl: 'https://produktinformasjon.legemiddelsok.no/preparatomtaler/x.pdf',
  felleskatalogenUrl:
    'https://www.felleskatalogen.no/medisin/sok?sokord=Amitriptyline%20Hydrochloride%20rosemont',
  refund: { bluePrescription: true, hPrescription: false, groups: [] },
};

describe('DrugFactsCard', () => {
  const html = renderToStaticMarkup(createElement(DrugFactsCard, { facts: FACTS }));

  it.each([
    ['SPC', FACTS.spcUrl ?? ''],
    ['Felleskatalogen', FACTS.felleskatalogenUrl],
  ])('links to %s in a new tab, and says so', (_, href) => {
    const link = element(html, 'a', `href="${href.replaceAll('?', '\\?')}"`);
    expect(link).toContain('target="_blank"');
    expect(link).toContain('rel="noreferrer"');
    expect(html).toMatch(
      new RegExp(`${href.replaceAll('?', '\\?')}"[^>]*>[^<]*\\(åpnes i ny fane\\)</a>`),
    );
  });

  it('shows the facts, the price and the exemption warning', () => {
    for (const text of [
      'N06AA09 Amitriptylin',
      'Mikstur, oppløsning',
      'Amitriptylin 50 mg/5 ml',
      'Krever godkjenningsfritak',
      'Blå resept',
      '150 ml',
      'NLOD',
    ]) {
      expect(html).toContain(text);
    }
    expect(html).toMatch(/310,50\s*kr/);
    expect(html).toContain('Apoteket trenger godkjenningsfritak fra DMP');
  });

  it('says when FEST has no SPC link, and when the drug has left FEST', () => {
    const withdrawn = renderToStaticMarkup(
      createElement(DrugFactsCard, {
        facts: { ...FACTS, spcUrl: null, requiresExemption: false, marketingStatus: 'withdrawn' },
      }),
    );
    expect(withdrawn).toContain('FEST har ingen lenke til preparatomtalen.');
    expect(withdrawn).toContain('Legemiddelet er ikke lenger i FEST.');
    expect(withdrawn).not.toContain('Krever godkjenningsfritak');
  });
});

describe('festChangeText', () => {
  it.each<[FestChange, RegExp]>([
    [{ kind: 'withdrawn' }, /^Legemiddelet er ikke lenger i FEST\./],
    [{ kind: 'restored' }, /^Legemiddelet er tilbake i FEST\.$/],
    [
      { kind: 'marketingStatus', from: 'marketed', to: 'notMarketed' },
      /^Markedsføringsstatusen er endret fra «Markedsført» til «Ikke markedsført»\.$/,
    ],
    [{ kind: 'exemption', required: true }, /krever nå godkjenningsfritak/],
    [{ kind: 'exemption', required: false }, /krever ikke lenger godkjenningsfritak/],
    [
      { kind: 'preparattype', from: 'Legemiddel', to: null },
      /^Preparattypen er endret fra «Legemiddel» til «ingen»\.$/,
    ],
    [
      { kind: 'atc', from: 'L04AA18', to: 'L04AH02' },
      /^ATC-koden er endret fra L04AA18 til L04AH02\.$/,
    ],
    [
      { kind: 'name', from: 'A tab 1 mg', to: 'B tab 1 mg' },
      /^Navnet er endret fra «A tab 1 mg» til «B tab 1 mg»\.$/,
    ],
    [
      { kind: 'strength', from: '0,1 mg', to: '0,25 mg' },
      /^Styrken er endret fra 0,1 mg til 0,25 mg\.$/,
    ],
    [
      { kind: 'price', from: 688.8, to: null },
      /^Laveste utsalgspris \(AUP\) er endret fra 688,80\s*kr til ingen\.$/,
    ],
    [
      { kind: 'refund', basis: 'bluePrescription', covered: false },
      /^Legemiddelet er ikke lenger på blå resept\.$/,
    ],
    [
      { kind: 'refund', basis: 'hPrescription', covered: true },
      /^Legemiddelet er nå et H-reseptlegemiddel\.$/,
    ],
    [{ kind: 'spc', from: 'a', to: 'b' }, /^Lenken til preparatomtalen \(SPC\) er endret\.$/],
  ])('%j', (change, text) => {
    expect(festChangeText(change)).toMatch(text);
  });
});

describe('CaseDrugFacts', () => {
  const snapshot = takeSnapshot(
    FACTS,
    { id: 3, hentetAt: '2026-09-08T03:09:06.000Z' },
    new Date('2026-11-02T09:00:00Z'),
  );
  const render = (props: Partial<Parameters<typeof CaseDrugFacts>[0]>) =>
    renderToStaticMarkup(
      createElement(CaseDrugFacts, {
        snapshot,
        changes: [],
        changedIn: [],
        today: FACTS,
        sent: true,
        ...props,
      }),
    );

  it('shows the drug as sent, when, from which extract, and that nothing has changed', () => {
    const html = render({});
    expect(html).toContain('<h3');
    expect(html).toContain('Legemiddelet ved innsending');
    expect(html).toContain('da søknaden ble sendt 02.11.2026, 10:00.');
    expect(html).toContain('FEST-uttrekket hentet 08.09.2026, 05:09.');
    expect(html).toContain('FEST har ikke endret noe vesentlig');
    expect(html).not.toContain('FEST er endret siden');
    expect(html).toContain('<h4');
  });

  it('lists what FEST has changed in a warning, the facts still as sent', () => {
    const html = render({
      changes: [{ kind: 'withdrawn' }, { kind: 'price', from: 310.5, to: 330 }],
      today: { ...FACTS, marketingStatus: 'withdrawn' },
    });
    expect(html).toMatch(
      /data-color="warning"[^>]*>[\s\S]*FEST er endret siden søknaden ble sendt/,
    );
    expect(html.match(/<li/g)).toHaveLength(2);
    expect(html).toMatch(/fra 310,50\s*kr til 330,00\s*kr/);
    expect(html).toContain('>Markedsført<');
    expect(html).not.toContain('FEST har ikke endret noe vesentlig');
    expect(html).not.toContain('Endret i FEST-uttrekk');
  });

  it.each([
    [
      [{ id: 4, hentetAt: '2026-11-10T03:00:00.000Z' }],
      'Endret i FEST-uttrekket hentet 10.11.2026, 04:00.',
    ],
    [
      [
        { id: 4, hentetAt: '2026-11-10T03:00:00.000Z' },
        { id: 5, hentetAt: null },
        { id: 6, hentetAt: '2026-11-17T03:00:00.000Z' },
        { id: 7, hentetAt: '2026-11-24T03:00:00.000Z' },
      ],
      'Endret i FEST-uttrekkene hentet 10.11.2026, 04:00, 17.11.2026, 04:00 og 24.11.2026, 04:00.',
    ],
  ])('says which extracts the changes came with (%j)', (changedIn, text) => {
    const html = render({ changes: [{ kind: 'withdrawn' }], changedIn });
    expect(html).toMatch(/data-color="warning"[^>]*>[\s\S]*Endret i FEST-uttrekk/);
    expect(html).toContain(text);
  });

  it('shows today’s facts for a case sent without a snapshot, and says so', () => {
    const html = render({ snapshot: null });
    expect(html).toContain('Legemiddelet i FEST i dag');
    expect(html).toContain('Søknaden ble sendt før portalen tok vare på legemiddelopplysningene');
    expect(html).not.toContain('Legemiddelet ved innsending');
  });

  it('shows a draft’s drug as today’s card alone, and nothing without a FEST drug', () => {
    const draft = render({ snapshot: null, sent: false });
    expect(draft).not.toContain('Legemiddelet i FEST i dag');
    expect(draft).toContain(`Om ${FACTS.name}`);
    expect(render({ snapshot: null, today: null })).toBe('');
  });
});
