import { describe, expect, it } from 'vitest';
import { resolveDecisionForm, type DecisionForm } from './form';
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
  invoicingPhrase: '',
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
    [{ reasonPhrase: 'c1' }, { reason: 'phraseUnknown' }], // wrong kind
    [{ conditionPhrases: ['c3'] }, { conditions: 'phraseUnknown' }], // deactivated
    [{ prescriptionNotePhrase: 'other-trust' }, { prescriptionNote: 'phraseUnknown' }],
    [{ invoicingPhrase: 'n1' }, { invoicing: 'phraseUnknown' }],
  ] as [Partial<DecisionForm>, Record<string, string>][])('refuses %j', (change, errors) => {
    expect(resolveDecisionForm(form(change), PHRASES)).toEqual({ ok: false, errors });
  });
});
