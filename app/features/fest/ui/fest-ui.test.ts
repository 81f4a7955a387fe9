import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DrugFacts } from '../fest.server';
import { DrugCombobox } from './DrugCombobox';
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
