import { describe, expect, it } from 'vitest';
import { initialTerm, resolveDecisionForm, type DecisionForm } from './form';
import type { Phrase } from './phrases';

const phrase = (id: string, kind: Phrase['kind'], text: string, active = true): Phrase => ({
  id,
  kind,
  title: `Tittel ${id}`,
  text,
  sortOrder: 0,
  active,
  version: 1,
});

const PHRASES: Phrase[] = [
  phrase('r1', 'reason', 'Prioriteringskriteriene er oppfylt.'),
  phrase('c1', 'condition', 'Evaluering etter 3 måneder'),
  phrase('c2', 'condition', 'Avsluttes ved manglende effekt'),
  phrase('c3', 'condition', 'Gammelt vilkår', false),
  phrase('n1', 'prescriptionNote', 'Jf. vedtak {løpenummer}.'),
  phrase('i1', 'invoicing', 'Via sykehusapoteket.'),
];

const form = (change: Partial<DecisionForm>): DecisionForm => ({
  outcome: 'approvedWithConditions',
  reasonPhrase: '',
  reason: '',
  conditionPhrases: [],
  conditions: '',
  evaluationDate: '',
  prescriptionNotePhrase: '',
  prescriptionNote: '',
  invoicingPhrase: '',
  invoicing: '',
  ...change,
});

describe('resolveDecisionForm', () => {
  it('replaces chosen phrases by their texts, phrases first, then what was typed', () => {
    const result = resolveDecisionForm(
      form({
        reasonPhrase: 'r1',
        reason: '  Særlig hensyn: ung pasient. ',
        conditionPhrases: ['c1', 'c2'],
        conditions: 'Blodprøver hver måned',
        evaluationDate: ' 2027-03-01 ',
        prescriptionNotePhrase: 'n1',
        invoicingPhrase: 'i1',
      }),
      PHRASES,
    );
    expect(result).toEqual({
      ok: true,
      fields: {
        outcome: 'approvedWithConditions',
        reason: 'Prioriteringskriteriene er oppfylt.\n\nSærlig hensyn: ung pasient.',
        conditions:
          'Evaluering etter 3 måneder\nAvsluttes ved manglende effekt\nBlodprøver hver måned',
        evaluationDate: '2027-03-01',
        prescriptionNote: 'Jf. vedtak {løpenummer}.',
        invoicing: 'Via sykehusapoteket.',
      },
    });
  });

  it('gives empty texts when nothing is chosen', () => {
    expect(resolveDecisionForm(form({ outcome: 'rejected', reason: 'Nei' }), PHRASES)).toEqual({
      ok: true,
      fields: {
        outcome: 'rejected',
        reason: 'Nei',
        conditions: '',
        evaluationDate: '',
        prescriptionNote: '',
        invoicing: '',
      },
    });
  });

  it.each([
    // Written instead of chosen (a trust without phrases of the kind: the form's default text).
    [
      { prescriptionNote: ' Sykehusfinansiert, jf. vedtak HBE-2026-00042. ', invoicing: 'Faktura' },
      { prescriptionNote: 'Sykehusfinansiert, jf. vedtak HBE-2026-00042.', invoicing: 'Faktura' },
    ],
    // Chosen and added to: the phrase first, then what was typed, a line each.
    [
      {
        prescriptionNotePhrase: 'n1',
        prescriptionNote: 'Gjelder 6 måneder.',
        invoicingPhrase: 'i1',
        invoicing: 'Merk fakturaen med løpenummeret.',
      },
      {
        prescriptionNote: 'Jf. vedtak {løpenummer}.\nGjelder 6 måneder.',
        invoicing: 'Via sykehusapoteket.\nMerk fakturaen med løpenummeret.',
      },
    ],
    [{}, { prescriptionNote: '', invoicing: '' }],
    // A rejection is not asked for them: not kept, and a stale choice is not checked.
    [
      {
        outcome: 'rejected',
        prescriptionNotePhrase: 'other-trust',
        prescriptionNote: 'Jf. vedtak {løpenummer}.',
        invoicingPhrase: 'i1',
        invoicing: 'Faktura',
      },
      { prescriptionNote: '', invoicing: '' },
    ],
  ] as [Partial<DecisionForm>, { prescriptionNote: string; invoicing: string }][])(
    'gives the reseptmerknad and invoicing routine of %j',
    (change, expected) => {
      const result = resolveDecisionForm(form(change), PHRASES);
      expect(result.ok && result.fields).toMatchObject(expected);
    },
  );

  it.each([
    [{ reasonPhrase: 'c1' }, { reason: 'phraseUnknown' }], // wrong kind
    [{ conditionPhrases: ['c3'] }, { conditions: 'phraseUnknown' }], // deactivated
    [{ prescriptionNotePhrase: 'other-trust' }, { prescriptionNote: 'phraseUnknown' }],
    [{ invoicingPhrase: 'n1' }, { invoicing: 'phraseUnknown' }],
  ] as [Partial<DecisionForm>, Record<string, string>][])('refuses %j', (change, errors) => {
    expect(resolveDecisionForm(form(change), PHRASES)).toEqual({ ok: false, errors });
  });
});

describe('initialTerm', () => {
  const OFFERED = 'Sykehusfinansiert, jf. vedtak HBE-2026-00042.';
  const NOTES = [
    phrase('n1', 'prescriptionNote', 'Jf. vedtak {løpenummer}.'),
    phrase('n2', 'prescriptionNote', 'Dekkes av helseforetaket ({løpenummer}).'),
  ];
  it.each([
    ['the trust’s first phrase of the kind', NOTES, null, { phrase: 'n1', text: '' }],
    [
      'the offered text when the trust has none of the kind',
      PHRASES.slice(0, 4),
      null,
      { phrase: '', text: OFFERED },
    ],
    ['the offered text when the trust has no phrases', [], null, { phrase: '', text: OFFERED }],
    // A revision starts from the decision as it stands (its løpenummer filled in).
    [
      'the current text as its phrase',
      NOTES,
      'Dekkes av helseforetaket (HBE-2026-00042).',
      { phrase: 'n2', text: '' },
    ],
    [
      'the current text as written, when no phrase gives it',
      NOTES,
      'Egen merknad HBE-2026-00042.',
      { phrase: '', text: 'Egen merknad HBE-2026-00042.' },
    ],
  ] as [string, Phrase[], string | null, { phrase: string; text: string }][])(
    '%s',
    (_, phrases, current, expected) => {
      expect(initialTerm('prescriptionNote', phrases, current, 'HBE-2026-00042', OFFERED)).toEqual(
        expected,
      );
    },
  );

  it('looks only at phrases of its own kind', () => {
    expect(initialTerm('invoicing', NOTES, null, 'HBE-2026-00042', 'Faktura')).toEqual({
      phrase: '',
      text: 'Faktura',
    });
    expect(initialTerm('invoicing', PHRASES, null, 'HBE-2026-00042', 'Faktura')).toEqual({
      phrase: 'i1',
      text: '',
    });
  });
});
