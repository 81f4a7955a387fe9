import { msg } from '../../i18n';
import type { DecisionTextLabels } from './domain/compose';

/** The headings of a composed decision text, in the catalogue's language. */
export const decisionTextLabels: DecisionTextLabels = {
  outcomes: msg.outcomes,
  ...msg.decisionModule.text,
};
