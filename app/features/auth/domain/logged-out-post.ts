/**
 * A form posted after the session ended (ADR 0036): what its 401 page carries back to the browser,
 * made from the post alone. Nothing is read from the database for it and nothing is kept on the
 * server; `posted-form.server.ts` reads the body, this decides what the page shows and sends again.
 */

/**
 * The free-text fields of the app's forms, by name: what the page lists under «Dette skrev du»
 * (labels in `msg.loggedOut.fields`). A field not named here is sent again but not listed.
 */
export const TYPED_FIELDS = [
  // the dialog, a leader's input, a section comment
  'body',
  // a justification: endorsement, transition, decision, urgency, answer to a question, follow-up
  'reason',
  // the priority criteria's texts (endorsement and worksheet)
  'severity.text',
  'benefit.text',
  'resourceUse.text',
  // a consultation's or an inquiry's question and answer
  'question',
  'answer',
  // the decision's texts
  'prescriptionNote',
  'invoicing',
  'conditions',
  'revisionReason',
  // the follow-up
  'sideEffects',
  'stopReason',
  // the assessment's preparation notes; a recommendation's, a phrase's or a guidance text
  'notes',
  'text',
  'title',
] as const;
export type TypedField = (typeof TYPED_FIELDS)[number];

const isTypedField = (name: string): name is TypedField =>
  (TYPED_FIELDS as readonly string[]).includes(name);

/**
 * The hidden fields of the app's buttons (a form with nothing to fill in: «Ta saken», «Fjern»,
 * «Merk som lest», choosing a trust) and of its one-select forms: a post with nothing but these
 * loses nothing worth a page of its own. Any other field with a value (a name, an e-mail, a date, a
 * choice of outcome or phrase) is something the user filled in: the post comes back (ADR 0036).
 */
const TECHNICAL_FIELDS: readonly string[] = [
  'intent',
  'version',
  'event',
  'id',
  'userId',
  'assignmentId',
  'sectionId',
  'trustId',
  'urgent',
  'upTo',
  'fane',
];

/**
 * The free texts (`TYPED_FIELDS`) with a value among a refused form's values (the object a route
 * reads from the post), in their order: what a 404 to the post shows to copy (`NotFoundPost`).
 */
export function typedIn(values: unknown): TypedText[] {
  if (typeof values !== 'object' || values === null) return [];
  return Object.entries(values).flatMap(([name, text]): TypedText[] =>
    isTypedField(name) && typeof text === 'string' && text.trim() !== '' ? [{ name, text }] : [],
  );
}

/**
 * A form post answered 404 (the case is no longer the user's to see: another trust chosen in
 * another tab, a grant ended): the error page shows what was typed, read-only, to copy.
 */
export interface NotFoundPost {
  notFoundPost: true;
  typed: TypedText[];
}

export function isNotFoundPost(value: unknown): value is NotFoundPost {
  return (
    typeof value === 'object' &&
    value !== null &&
    'notFoundPost' in value &&
    value.notFoundPost === true &&
    'typed' in value &&
    Array.isArray(value.typed)
  );
}

/** How a form encodes its body: the post sent again must use the same (the answer form reads only multipart). */
export type FormEncoding = 'application/x-www-form-urlencoded' | 'multipart/form-data';

/** A form post as read for its echo: never a file's bytes. */
export interface PostedForm {
  encoding: FormEncoding;
  /** Every text field as sent (name, value), in order. */
  fields: [string, string][];
  /** Whether a file was chosen in one of its file inputs. */
  files: boolean;
  /** False when the body was not read to its end (a part too large, a broken stream). */
  complete: boolean;
}

/** One text the user typed, named by its field. */
export interface TypedText {
  name: TypedField;
  text: string;
}

/** The 401 answer's data (a route error response's `data`): the root error boundary shows it. */
export interface LoggedOutPost {
  loggedOutPost: true;
  /** The login page (or the trust chooser), asked to return to the page the form was on. */
  signIn: string;
  /** Signed in but no trust chosen yet (ADR 0026): the link is the chooser's. */
  chooseTrust: boolean;
  /** The free-text fields the user filled in, in the form's order. */
  typed: TypedText[];
  /** A file was chosen: it is not sent back, and must be chosen again. */
  files: boolean;
  /**
   * «Send på nytt»: the post's text fields to the address it went to, in its encoding. Null when
   * sending them again would drop something: a file, or a body not read to its end.
   */
  resend: { action: string; encoding: FormEncoding; fields: [string, string][] } | null;
}

/** Where the echo sends the user: the address the form posted to, and the way to sign in. */
export interface EchoTargets {
  action: string;
  signIn: string;
  chooseTrust: boolean;
}

/**
 * The 401 answer to a form posted without a session, or null when nothing was filled in (only
 * `TECHNICAL_FIELDS`) and no file chosen (a button such as «Ta saken»): such a post loses nothing,
 * and is sent to the login as before, which brings the user back to the page. The free texts of
 * `TYPED_FIELDS` are listed; every field is sent again.
 */
export function loggedOutPost(posted: PostedForm, targets: EchoTargets): LoggedOutPost | null {
  const typed = posted.fields.flatMap(([name, text]): TypedText[] =>
    isTypedField(name) && text.trim() !== '' ? [{ name, text }] : [],
  );
  const filled = posted.fields.some(
    ([name, text]) => !TECHNICAL_FIELDS.includes(name) && text.trim() !== '',
  );
  if (!filled && !posted.files) return null;
  const resendable = posted.complete && !posted.files;
  return {
    loggedOutPost: true,
    signIn: targets.signIn,
    chooseTrust: targets.chooseTrust,
    typed,
    files: posted.files,
    resend: resendable
      ? { action: targets.action, encoding: posted.encoding, fields: posted.fields }
      : null,
  };
}

/** The 401 answer's data as sent: the post with the page's words and the typed fields' labels. */
export interface LoggedOutPage extends LoggedOutPost {
  words: {
    title: string;
    body: string;
    typed: string;
    howTo: string;
    signIn: string;
    sendAgain: string;
  };
  /** The label of each of `typed`, in its order. */
  labels: string[];
}

/** Whether a route error response's data is a `LoggedOutPage`. */
export function isLoggedOutPage(value: unknown): value is LoggedOutPage {
  return (
    typeof value === 'object' &&
    value !== null &&
    'loggedOutPost' in value &&
    value.loggedOutPost === true &&
    'words' in value &&
    'labels' in value
  );
}
