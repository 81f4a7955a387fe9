import type { DecisionOutcome } from '../../features/cases/domain/application';

export const outcomes = {
  approved: 'Innvilget',
  approvedWithConditions: 'Innvilget med vilkår',
  rejected: 'Avslått',
} satisfies Record<DecisionOutcome, string>;
