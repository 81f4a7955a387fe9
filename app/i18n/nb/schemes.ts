import type { Scheme } from '../../features/cases/domain/application';

export const schemes = {
  offLabel: 'Utenfor godkjent indikasjon (off-label)',
  noMarketingAuthorisation: 'Uten norsk markedsføringstillatelse',
  unntaksordningen: 'Unntaksordningen (Nye Metoder)',
  tilgangsordningen: 'Tilgangsordningen',
} satisfies Record<Scheme, string>;
