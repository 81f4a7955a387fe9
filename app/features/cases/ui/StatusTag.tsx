import { Tag } from '@digdir/designsystemet-react';
import { msg } from '../../../i18n';
import type { DecisionOutcome } from '../domain/application';
import type { Status } from '../domain/workflow';

const COLOR: Record<Status, 'neutral' | 'info' | 'success' | 'warning' | 'danger'> = {
  draft: 'neutral',
  submitted: 'info',
  returned: 'warning',
  notEndorsed: 'danger',
  endorsed: 'info',
  underAssessment: 'info',
  recommended: 'info',
  awaitingInformation: 'warning',
  inConsultation: 'info',
  atInterregionalCommittee: 'info',
  decided: 'success',
  followUp: 'success',
  closed: 'neutral',
  withdrawn: 'neutral',
};

/**
 * Outlined: the tables' zebra rows are the accent colour's tinted surface, which is the info
 * colour's too (a filled «info» tag on a striped row showed as plain text).
 */
export function StatusTag({ status }: { status: Status }) {
  return (
    <Tag data-color={COLOR[status]} variant="outline">
      {msg.statuses[status]}
    </Tag>
  );
}

const OUTCOME_COLOR: Record<DecisionOutcome, 'success' | 'danger'> = {
  approved: 'success',
  approvedWithConditions: 'success',
  rejected: 'danger',
};

/** The outcome of a case's latest decision (innvilget, innvilget med vilkår, avslått). */
export function OutcomeTag({ outcome }: { outcome: DecisionOutcome }) {
  return (
    <Tag data-color={OUTCOME_COLOR[outcome]} variant="outline">
      {msg.outcomes[outcome]}
    </Tag>
  );
}
