import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pdfStreamTextLines, pdfTextLines } from '../../test/pdf-text';
import type { DecisionLetter } from './decisions.server';
import { renderDecisionLetter } from './letter.server';

const LETTER: DecisionLetter = {
  caseNumber: 'HBE-2026-00007',
  trustName: 'Helse Bergen HF',
  departmentName: 'Kreftavdelingen',
  applicantName: 'Ingrid Haugland',
  answers: {
    patientScope: 'single',
    patientId: '15838510075',
    drug: { id: null, label: 'Rituximab 500 mg infusjonsvæske' },
    indication: 'Membranøs nefropati, terapiresistent',
  },
  scheme: 'offLabel',
  diagnoses: [{ system: 'ICD10', code: 'N04.2', text: 'Nefrotisk syndrom' }],
  treatment: {
    drug: 'Rituximab 500 mg infusjonsvæske',
    dose: '1000 mg dag 1 og 15',
    route: 'Intravenøst',
    duration: '6 måneder',
  },
  endorsement: {
    authorName: 'Kari Nordtveit',
    verdict: 'endorse',
    ratings: {
      severity: { level: 3, text: 'Alvorlig tilstand.' },
      benefit: { level: 3, text: 'God dokumentert nytte.' },
      resourceUse: { level: 2, text: 'Moderat kostnad.' },
    },
    justification: 'I tråd med avdelingens prioriteringer.',
    at: new Date('2026-11-20T09:00:00Z'),
  },
  decision: {
    version: 1,
    outcome: 'approvedWithConditions',
    reason: 'Alvorlig tilstand; nytten er godt dokumentert (æøå ÆØÅ).',
    conditions: 'Effekten evalueres ved kontroll etter 3 måneder\nBlodprøver hver måned',
    evaluationDate: '2027-03-01',
    prescriptionNote: 'Behandlingen dekkes av helseforetaket, jf. vedtak HBE-2026-00007.',
    invoicing: 'Legemiddelet faktureres avdelingen via sykehusapoteket.',
    interregionalCommittee: false,
    text: null,
    decidedByName: 'Per Vik',
    decidedByTitle: 'Fagdirektør',
    decidedAt: new Date('2026-12-01T10:00:00Z'),
    supersededBy: 2,
    registered: false,
  },
};

describe('renderDecisionLetter', () => {
  it('writes every part of the decision, with Norwegian letters', async () => {
    const pdf = await renderDecisionLetter(LETTER);
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const lines = pdfTextLines(pdf);
    for (const expected of [
      'Vedtak om sykehusfinansiert legemiddelbehandling',
      'HBE-2026-00007',
      'Helse Bergen HF',
      'Kreftavdelingen',
      'Søker',
      'Ingrid Haugland',
      '15838510075',
      'Utenfor godkjent indikasjon (off-label)',
      'Rituximab 500 mg infusjonsvæske',
      'Diagnoser',
      'N04.2 Nefrotisk syndrom (ICD-10)',
      'Membranøs nefropati, terapiresistent',
      'Forankring hos leder',
      'Forankret av Kari Nordtveit, 20.11.2026',
      'Lederens begrunnelse',
      'I tråd med avdelingens prioriteringer.',
      'Innvilget med vilkår',
      'Innvilget behandling',
      'Legemiddel',
      'Dose',
      '1000 mg dag 1 og 15',
      'Administrasjonsvei',
      'Intravenøst',
      'Behandlingsvarighet',
      '6 måneder',
      'Alvorlig tilstand; nytten er godt dokumentert (æøå ÆØÅ).',
      '– Effekten evalueres ved kontroll etter 3 måneder',
      '– Blodprøver hver måned',
      '01.03.2027',
      'Reseptmerknad',
      'Behandlingen dekkes av helseforetaket, jf. vedtak HBE-2026-00007.',
      'Fakturering',
      'Legemiddelet faktureres avdelingen via sykehusapoteket.',
      'Per Vik, Fagdirektør',
      '01.12.2026',
      'Versjon 1 av vedtaket',
      'Denne versjonen er erstattet av versjon 2.',
    ]) {
      expect(lines).toContain(expected);
    }
  });

  it('states the endorsement before the decision, and the treatment right under the outcome', async () => {
    const lines = pdfTextLines(await renderDecisionLetter(LETTER));
    const at = (line: string) => lines.indexOf(line);
    expect(at('Forankring hos leder')).toBeLessThan(at('Innvilget med vilkår'));
    expect(at('Innvilget med vilkår')).toBeLessThan(at('Innvilget behandling'));
    expect(at('Innvilget behandling')).toBeLessThan(at('Rituximab 500 mg infusjonsvæske'));
    expect(at('Behandlingsvarighet')).toBeLessThan(at('Begrunnelse'));
  });

  it.each([
    ['approved', 'Innvilget behandling', 'Behandlingen det er søkt om'],
    ['rejected', 'Behandlingen det er søkt om', 'Innvilget behandling'],
  ] as const)('heads the treatment of an outcome %s «%s»', async (outcome, shown, notShown) => {
    const lines = pdfTextLines(
      await renderDecisionLetter({ ...LETTER, decision: { ...LETTER.decision, outcome } }),
    );
    expect(lines).toContain(shown);
    expect(lines).not.toContain(notShown);
  });

  it('names who registered an old decision, not as its applicant or decision maker', async () => {
    const lines = pdfTextLines(
      await renderDecisionLetter({
        ...LETTER,
        applicantName: null,
        endorsement: null,
        decision: { ...LETTER.decision, registered: true },
      }),
    );
    expect(lines).not.toContain('Søker');
    expect(lines).not.toContain('Ingrid Haugland');
    expect(lines).not.toContain('Vedtatt av');
    const at = lines.indexOf('Registrert i etterkant av');
    expect(at).toBeGreaterThan(-1);
    expect(lines[at + 1]).toBe('Per Vik, Fagdirektør');
    expect(lines.join(' ')).toContain('Vedtaket ble fattet utenfor Søknadsportalen');
    // The ordinary letter says who decided.
    expect(pdfTextLines(await renderDecisionLetter(LETTER))).toContain('Vedtatt av');
  });

  it('leaves out an endorsement and treatment it does not have (a registered old decision)', async () => {
    const lines = pdfTextLines(
      await renderDecisionLetter({
        ...LETTER,
        endorsement: null,
        treatment: { drug: null, dose: null, route: null, duration: null },
        decision: { ...LETTER.decision, prescriptionNote: null, invoicing: null },
      }),
    );
    for (const absent of [
      'Forankring hos leder',
      'Lederens begrunnelse',
      'Innvilget behandling',
      'Legemiddel',
      'Reseptmerknad',
      'Fakturering',
    ]) {
      expect(lines).not.toContain(absent);
    }
    expect(lines).toContain('Innvilget med vilkår');
  });

  it('names the code system of each diagnosis, ICD-10 or ICPC-2, under a neutral heading', async () => {
    const lines = pdfTextLines(
      await renderDecisionLetter({
        ...LETTER,
        diagnoses: [
          { system: 'ICD10', code: 'N04.2', text: 'Nefrotisk syndrom' },
          { system: 'ICPC2', code: 'U88', text: 'Glomerulonefritt/nefrose' },
        ],
      }),
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        'Diagnoser',
        'N04.2 Nefrotisk syndrom (ICD-10)',
        'U88 Glomerulonefritt/nefrose (ICPC-2)',
      ]),
    );
    expect(lines).not.toContain('Diagnoser (ICD-10)');
  });

  it('names the interregional committee as the deciding body (Tilgangsordningen) only then', async () => {
    const body = 'Besluttende organ';
    expect(pdfTextLines(await renderDecisionLetter(LETTER))).not.toContain(body);
    const lines = pdfTextLines(
      await renderDecisionLetter({
        ...LETTER,
        scheme: 'tilgangsordningen',
        decision: { ...LETTER.decision, interregionalCommittee: true },
      }),
    );
    expect(lines).toContain(body);
    expect(lines.join(' ')).toContain('Interregionalt fagdirektørmøte (tilgangsordningen)');
  });

  it.each([
    ['80000000179', 'Pasient (FH-nummer (felles hjelpenummer))'],
    ['01019010046', 'Pasient (fødselsnummer)'],
    ['41019010110', 'Pasient (D-nummer)'],
    ['01419010029', 'Pasient (H-nummer)'],
    ['15838510075', 'Pasient (syntetisk testnummer)'],
  ])('names the kind of patient id: %s → %s', async (patientId, label) => {
    const pdf = await renderDecisionLetter({
      ...LETTER,
      answers: { ...LETTER.answers, patientId },
    });
    const lines = pdfTextLines(pdf);
    expect(lines).toContain(label);
    expect(lines).toContain(patientId);
  });

  it('names a patient group instead of a patient, and wraps and paginates long text', async () => {
    const long = Array.from({ length: 400 }, (_, i) => `ord${i}`).join(' ');
    const pdf = await renderDecisionLetter({
      ...LETTER,
      answers: { ...LETTER.answers, patientId: undefined, population: 'Voksne med MN' },
      decision: { ...LETTER.decision, reason: `${long} ≥ slutt`, supersededBy: null },
    });
    const lines = pdfTextLines(pdf);
    expect(lines).toContain('Pasientgruppe');
    expect(lines).toContain('Voksne med MN');
    expect(lines).not.toContain('Pasient (fødselsnummer)');
    expect(lines.join(' ')).toContain('ord399 ? slutt'); // «≥» is not in WinAnsi
    expect(lines.filter((l) => l.startsWith('Denne versjonen'))).toEqual([]);
    expect((await PDFDocument.load(pdf)).getPageCount()).toBeGreaterThan(1);
  });

  it('keeps the footer on the letter’s last page, never on a page of its own', async () => {
    const footer = 'Til pasientjournalen. Generert av Søknadsportal.';
    // Justifications from 1 to 60 lines long: one of them ends the letter right at a page's foot.
    for (let n = 1; n <= 60; n++) {
      const reason = Array.from({ length: n }, (_, i) => `Linje ${i + 1}`).join('\n');
      const pdf = await renderDecisionLetter({
        ...LETTER,
        decision: { ...LETTER.decision, reason, supersededBy: null },
      });
      const pages = pdfStreamTextLines(pdf);
      expect(pages.length).toBe((await PDFDocument.load(pdf)).getPageCount());
      expect(pages.at(-1)).toContain(footer);
      for (const page of pages) expect(page.filter((line) => line !== footer)).not.toEqual([]);
    }
  });
});
