import { z } from 'zod';

/** The kinds of standard text a trust configures for its decisions. */
export const PHRASE_KINDS = ['reason', 'condition', 'prescriptionNote', 'invoicing'] as const;
export type PhraseKind = (typeof PHRASE_KINDS)[number];

/** Where a reseptmerknad gets the case's løpenummer. */
export const CASE_NUMBER_PLACEHOLDER = '{løpenummer}';

export const PHRASE_LIMITS = { title: 120, text: 2000, sortOrder: 9999 } as const;

export const PHRASE_ERRORS = [
  'kindRequired',
  'titleRequired',
  'titleTooLong',
  'textRequired',
  'textTooLong',
  'sortOrderInvalid',
  'placeholderOnlyInNote',
] as const;
export type PhraseError = (typeof PHRASE_ERRORS)[number];
export type PhraseFieldErrors = Partial<
  Record<'kind' | 'title' | 'text' | 'sortOrder', PhraseError>
>;

export interface Phrase {
  id: string;
  kind: PhraseKind;
  title: string;
  text: string;
  sortOrder: number;
  active: boolean;
  /** Raised by every change; an edit names the version it was made from. */
  version: number;
}

export type PhraseInput = Pick<Phrase, 'kind' | 'title' | 'text' | 'sortOrder'>;

const phraseSchema = z
  .object({
    kind: z.enum(PHRASE_KINDS, { error: 'kindRequired' }),
    title: z
      .string()
      .trim()
      .min(1, { error: 'titleRequired' })
      .max(PHRASE_LIMITS.title, { error: 'titleTooLong' }),
    text: z
      .string()
      .trim()
      .min(1, { error: 'textRequired' })
      .max(PHRASE_LIMITS.text, { error: 'textTooLong' }),
    sortOrder: z
      .string()
      .trim()
      .transform((value) => (value === '' ? '0' : value))
      .pipe(
        z
          .string()
          .regex(/^\d{1,4}$/, { error: 'sortOrderInvalid' })
          .transform(Number),
      ),
  })
  .superRefine((value, ctx) => {
    if (value.kind !== 'prescriptionNote' && value.text.includes(CASE_NUMBER_PLACEHOLDER)) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'placeholderOnlyInNote' });
    }
  });

/** Validates a phrase as typed into the admin form (all fields are text). */
export function parsePhrase(
  raw: Record<'kind' | 'title' | 'text' | 'sortOrder', string>,
): { ok: true; phrase: PhraseInput } | { ok: false; errors: PhraseFieldErrors } {
  const parsed = phraseSchema.safeParse(raw);
  if (parsed.success) return { ok: true, phrase: parsed.data };
  const errors: PhraseFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field !== 'kind' && field !== 'title' && field !== 'text' && field !== 'sortOrder')
      continue;
    const code = (PHRASE_ERRORS as readonly string[]).includes(issue.message)
      ? (issue.message as PhraseError)
      : field === 'sortOrder'
        ? 'sortOrderInvalid'
        : 'kindRequired';
    errors[field] ??= code;
  }
  return { ok: false, errors };
}

export function isPhraseKind(value: string): value is PhraseKind {
  return (PHRASE_KINDS as readonly string[]).includes(value);
}

/** A reseptmerknad with the case's løpenummer in place of every placeholder. */
export function withCaseNumber(text: string, caseNumber: string): string {
  return text.replaceAll(CASE_NUMBER_PLACEHOLDER, caseNumber);
}

/**
 * Whether a reseptmerknad names the case's løpenummer once `{løpenummer}` is filled in: written
 * out, or as the placeholder. The pharmacy finds the decision by it.
 */
export function namesCaseNumber(note: string, caseNumber: string): boolean {
  return withCaseNumber(note, caseNumber).includes(caseNumber);
}
