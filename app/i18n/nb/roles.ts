import type { EventRole } from '../../features/auth/domain/roles';

export const roles = {
  applicant: 'Søker (behandlende lege)',
  coAuthor: 'Medforfatter',
  endorser: 'Leder',
  decisionMaker: 'Fagdirektør',
  assessor: 'Vurderingskomité',
  nationalReader: 'Nasjonal leser',
  trustAdmin: 'Administrator',
  consultant: 'Konsultert helseforetak',
  delegator: 'Leder (har delegert forankringen)',
  collaborator: 'Leder (samarbeider om forankringen)',
  system: 'System',
} satisfies Record<EventRole, string>;
