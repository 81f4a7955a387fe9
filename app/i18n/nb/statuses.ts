import type { Status } from '../../features/cases/domain/workflow';

export const statuses = {
  draft: 'Utkast',
  submitted: 'Til forankring',
  returned: 'Returnert til søker',
  notEndorsed: 'Ikke forankret',
  endorsed: 'Forankret',
  underAssessment: 'Under vurdering',
  recommended: 'Innstilt, til beslutning',
  awaitingInformation: 'Venter på opplysninger',
  inConsultation: 'På konsultasjon',
  atInterregionalCommittee: 'Til interregionalt fagdirektørmøte',
  decided: 'Besluttet',
  followUp: 'Oppfølging',
  closed: 'Avsluttet',
  withdrawn: 'Trukket',
} satisfies Record<Status, string>;
