import { z } from 'zod';

/**
 * The places where a trust's own guidance is shown under the national guidance (BRIEF §2, §4):
 * the application form, the leader's endorsement, the committee's assessment, the decision form.
 */
export const GUIDANCE_PLACES = ['application', 'endorsement', 'assessment', 'decision'] as const;
export type GuidancePlace = (typeof GUIDANCE_PLACES)[number];

/** Each place's segment in the administrator's URL (`/admin/veiledning/<slug>`). */
export const GUIDANCE_PLACE_SLUGS: Record<GuidancePlace, string> = {
  application: 'soknad',
  endorsement: 'forankring',
  assessment: 'vurdering',
  decision: 'vedtak',
};

/** The place a URL segment names, or null for any other segment. */
export function placeFromSlug(slug: string): GuidancePlace | null {
  return GUIDANCE_PLACES.find((place) => GUIDANCE_PLACE_SLUGS[place] === slug) ?? null;
}

/** Plain text of at most `text` characters; at most `links` links, each an https address. */
export const GUIDANCE_LIMITS = { text: 4000, links: 3, linkTitle: 120, linkUrl: 500 } as const;

export interface GuidanceLink {
  title: string;
  url: string;
}

/** A trust's own guidance for one place: plain text (paragraphs by blank lines) and links. */
export interface LocalGuidance {
  text: string;
  links: GuidanceLink[];
}

export const GUIDANCE_ERRORS = [
  'textTooLong',
  'tooManyLinks',
  'linkTitleRequired',
  'linkTitleTooLong',
  'linkUrlRequired',
  'linkUrlTooLong',
  'linkUrlInvalid',
  'linkUrlNotHttps',
] as const;
export type GuidanceError = (typeof GUIDANCE_ERRORS)[number];

/** `linkTitle.<n>` and `linkUrl.<n>` are the n-th link row of the form (from 0). */
export type GuidanceField = 'text' | 'links' | `linkTitle.${number}` | `linkUrl.${number}`;
export type GuidanceFieldErrors = Partial<Record<GuidanceField, GuidanceError>>;

/** The form as posted: the text and the link rows (titles and addresses by position). */
export interface GuidanceFormValues {
  text: string;
  linkTitles: string[];
  linkUrls: string[];
}

/** Control characters other than tab and line feed (PostgreSQL refuses NUL in text). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** Line endings as `\n`, no control characters, no surrounding whitespace. */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();
}

/** Why an address is not accepted as a link, or null if it is. */
function urlError(value: string): GuidanceError | null {
  if (/\s/.test(value)) return 'linkUrlInvalid';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'linkUrlInvalid';
  }
  if (url.protocol === 'http:') return 'linkUrlNotHttps';
  if (url.protocol !== 'https:') return 'linkUrlInvalid';
  // A host name with a dot (no bare «intranett»), and no user name or password in the address.
  if (!url.hostname.includes('.') || url.username !== '' || url.password !== '') {
    return 'linkUrlInvalid';
  }
  return null;
}

const linkSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, { error: 'linkTitleRequired' })
    .max(GUIDANCE_LIMITS.linkTitle, { error: 'linkTitleTooLong' }),
  url: z
    .string()
    .trim()
    .min(1, { error: 'linkUrlRequired' })
    .max(GUIDANCE_LIMITS.linkUrl, { error: 'linkUrlTooLong' })
    .superRefine((value, ctx) => {
      const error = urlError(value);
      if (error) ctx.addIssue({ code: 'custom', message: error });
    }),
});

const guidanceSchema = z.object({
  text: z
    .string()
    .transform(normaliseText)
    .pipe(z.string().max(GUIDANCE_LIMITS.text, { error: 'textTooLong' })),
  links: z.array(linkSchema).max(GUIDANCE_LIMITS.links, { error: 'tooManyLinks' }),
});

const isGuidanceError = (value: string): value is GuidanceError =>
  (GUIDANCE_ERRORS as readonly string[]).includes(value);

/**
 * Validates the guidance as typed into the administrator's form. Link rows left wholly empty are
 * skipped; an error on a link names its row in the form. Empty text and no links is valid: the
 * place then shows no local guidance.
 */
export function parseGuidance(
  raw: GuidanceFormValues,
): { ok: true; guidance: LocalGuidance } | { ok: false; errors: GuidanceFieldErrors } {
  const rows = Array.from(
    { length: Math.max(raw.linkTitles.length, raw.linkUrls.length) },
    (_, row) => ({ row, title: raw.linkTitles[row] ?? '', url: raw.linkUrls[row] ?? '' }),
  ).filter((link) => link.title.trim() !== '' || link.url.trim() !== '');
  const parsed = guidanceSchema.safeParse({
    text: raw.text,
    links: rows.map(({ title, url }) => ({ title, url })),
  });
  if (parsed.success) return { ok: true, guidance: parsed.data };
  const errors: GuidanceFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const [field, index, part] = issue.path;
    const code: GuidanceError = isGuidanceError(issue.message) ? issue.message : 'linkUrlInvalid';
    if (field === 'text') errors.text ??= 'textTooLong';
    else if (field === 'links' && index === undefined) errors.links ??= 'tooManyLinks';
    else if (field === 'links' && typeof index === 'number') {
      const row = rows[index]?.row ?? index;
      const key: GuidanceField = part === 'title' ? `linkTitle.${row}` : `linkUrl.${row}`;
      errors[key] ??= code;
    }
  }
  return { ok: false, errors };
}

/** Whether there is anything to show (empty guidance shows nothing at all). */
export function hasGuidance(guidance: LocalGuidance | null | undefined): guidance is LocalGuidance {
  return !!guidance && (guidance.text.trim() !== '' || guidance.links.length > 0);
}

/** The text's paragraphs (split at blank lines), each as its lines. */
export function paragraphs(text: string): string[][] {
  return normaliseText(text)
    .split(/\n[ \t]*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    )
    .filter((lines) => lines.length > 0);
}
