import type { TypedField } from '../../features/auth/domain/logged-out-post';
import { autosave } from './autosave';
import { edit } from './edit';

/**
 * A form posted after the session ended (ADR 0036): the page that shows what was typed, to send it
 * again once the user has logged in in another tab. Its own namespace, read on the server only (the
 * 401 data carries the page's words, `loggedOutPage`): the root's error boundary shows the page on
 * every route, and the words stay out of every page's JavaScript.
 */
export const loggedOut = {
  title: edit.loggedOutTitle,
  body: 'Det du sendte ble ikke lagret, fordi du ikke lenger er logget inn.',
  typed: 'Dette skrev du',
  howTo:
    'Logg inn igjen i en ny fane (og velg helseforetak hvis du blir spurt). Kom så tilbake hit og trykk «Send på nytt», så sendes det du skrev.',
  howToChoose:
    'Velg helseforetak i en ny fane. Kom så tilbake hit og trykk «Send på nytt», så sendes det du skrev.',
  /** A file was chosen: its bytes never come back, so nothing is offered to send again. */
  filesAgain:
    'Filer må velges på nytt. Logg inn igjen i en ny fane; der kommer du tilbake til skjemaet. Kopier teksten over inn i skjemaet, velg filene på nytt og send.',
  /** A post whose body could not be read to its end: only what was read is shown. */
  copyOnly:
    'Logg inn igjen i en ny fane; der kommer du tilbake til skjemaet. Kopier teksten over inn i skjemaet og send.',
  logIn: autosave.logInAgain,
  chooseTrust: 'Velg helseforetak (åpnes i ny fane)',
  sendAgain: 'Send på nytt',
  /** The free-text fields by form field name (auth/domain/logged-out-post.ts, `TYPED_FIELDS`). */
  fields: {
    body: 'Melding eller kommentar',
    reason: 'Begrunnelse',
    'severity.text': 'Begrunnelse for alvorlighet',
    'benefit.text': 'Begrunnelse for nytte',
    'resourceUse.text': 'Begrunnelse for ressursbruk',
    question: 'Spørsmål',
    answer: 'Svar',
    prescriptionNote: 'Reseptmerknad, egen tekst',
    invoicing: 'Faktureringsrutine, egen tekst',
    conditions: 'Andre vilkår',
    revisionReason: 'Hvorfor revideres vedtaket?',
    sideEffects: 'Bivirkninger',
    stopReason: 'Hvorfor ble behandlingen avsluttet?',
    notes: 'Notater',
    text: 'Tekst',
    title: 'Tittel',
  } satisfies Record<TypedField, string>,
};
