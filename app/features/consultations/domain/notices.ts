/** What the case page confirms after a consultation action (the `konsultasjon` query flag). */
export const CONSULTATION_NOTICES = ['requested', 'revoked', 'answered', 'refused'] as const;
export type ConsultationNotice = (typeof CONSULTATION_NOTICES)[number];

export function consultationNotice(params: URLSearchParams): ConsultationNotice | null {
  const value = params.get('konsultasjon');
  return (CONSULTATION_NOTICES as readonly (string | null)[]).includes(value)
    ? (value as ConsultationNotice)
    : null;
}
