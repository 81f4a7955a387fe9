/**
 * Designsystemet's `Suggestion` (a text field with a list of suggestions: the drug, the diagnoses)
 * with the custom elements it needs. The client build leaves them out of what every form field
 * loads (vite/designsystemet-web.ts), so only the pages with a suggestion list get them; use
 * `Suggestion` from here, never from @digdir/designsystemet-react (lint).
 */
import '@digdir/designsystemet-web/popover';
import '@digdir/designsystemet-web/ds-suggestion';

export {
  EXPERIMENTAL_Suggestion as Suggestion,
  type SuggestionItem,
} from '@digdir/designsystemet-react';
