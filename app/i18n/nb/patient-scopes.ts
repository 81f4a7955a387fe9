import type { PatientScope } from '../../features/cases/domain/application';

export const patientScopes = {
  single: 'Enkeltpasient',
  group: 'Pasientgruppe',
} satisfies Record<PatientScope, string>;
