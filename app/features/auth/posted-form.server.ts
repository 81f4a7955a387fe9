import {
  getMultipartBoundary,
  MaxFileSizeExceededError,
  MaxTotalSizeExceededError,
  MultipartParser,
  type MultipartPart,
} from '@remix-run/multipart-parser';
import { msg } from '../../i18n';
import { pageAddress } from './domain/return-path';
import {
  loggedOutPost,
  type EchoTargets,
  type FormEncoding,
  type LoggedOutPage,
  type LoggedOutPost,
  type PostedForm,
} from './domain/logged-out-post';

/**
 * At most this much of a post without a session is read for its echo: the app's text forms are
 * far smaller. A file over it stops the reading (the file cannot be echoed anyway).
 */
export const MAX_ECHO_BYTES = 1024 * 1024;

/** The form encoding a request's Content-Type names, or null when its body is not a form. */
function encodingOf(request: Request): FormEncoding | null {
  const type = request.headers.get('Content-Type')?.toLowerCase() ?? '';
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return 'application/x-www-form-urlencoded';
  }
  if (type.startsWith('multipart/form-data')) return 'multipart/form-data';
  return null;
}

/** A file input's part: a file was chosen when it has a name or bytes (none chosen: neither). */
const fileChosen = (part: MultipartPart) => Boolean(part.filename) || part.size > 0;

/**
 * A form already read by the route (`request.formData()`, which the route guards read once and
 * hand out again): its text fields, and whether it carried a file. Null when it cannot be had
 * again (a body used without the guards).
 */
async function formReadBefore(
  request: Request,
  encoding: FormEncoding,
): Promise<PostedForm | null> {
  try {
    const form = await request.formData();
    const fields: [string, string][] = [];
    let files = false;
    for (const [name, value] of form) {
      if (typeof value === 'string') fields.push([name, value]);
      else if (value.name || value.size > 0) files = true;
    }
    return { encoding, fields, files, complete: true };
  } catch {
    return null;
  }
}

/**
 * A urlencoded body read to its end if it is at most `MAX_ECHO_BYTES`; null if longer. The lock
 * on the body is released, so that a caller may read and drop the rest (`afterBody`).
 */
async function readUrlEncoded(body: ReadableStream<Uint8Array>): Promise<PostedForm | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let seen = 0;
  try {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      seen += chunk.value.byteLength;
      if (seen > MAX_ECHO_BYTES) return null;
      chunks.push(chunk.value);
    }
  } finally {
    reader.releaseLock();
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks));
  return {
    encoding: 'application/x-www-form-urlencoded',
    fields: [...new URLSearchParams(text)],
    files: false,
    complete: true,
  };
}

/**
 * A multipart body, part by part: its text fields, and whether a file was chosen. No file's bytes
 * are kept beyond its part; a part over `MAX_ECHO_BYTES` (in these forms, a file) ends the reading,
 * with the fields sent before it (a browser sends a form's fields in its order).
 */
async function readMultipart(
  request: Request,
  body: ReadableStream<Uint8Array>,
): Promise<PostedForm> {
  const encoding = 'multipart/form-data';
  const boundary = getMultipartBoundary(request.headers.get('Content-Type') ?? '');
  const fields: [string, string][] = [];
  if (!boundary) return { encoding, fields, files: false, complete: false };
  const parser = new MultipartParser(boundary, {
    maxFileSize: MAX_ECHO_BYTES,
    maxTotalSize: MAX_ECHO_BYTES,
    maxParts: 200,
  });
  const chosen = { files: false };
  const take = (parts: Iterable<MultipartPart>) => {
    for (const part of parts) {
      if (part.isFile) chosen.files ||= fileChosen(part);
      else if (part.name) fields.push([part.name, part.text]);
    }
  };
  const reader = body.getReader();
  try {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      take(parser.write(chunk.value));
    }
    parser.finish();
    return { encoding, fields, files: chosen.files, complete: true };
  } catch (error) {
    // A part too large is a file (the text fields are far smaller); anything else the parser or
    // the body's stream throws: a body not read to its end.
    const tooLarge =
      error instanceof MaxFileSizeExceededError || error instanceof MaxTotalSizeExceededError;
    return { encoding, fields, files: chosen.files || tooLarge, complete: false };
  } finally {
    reader.releaseLock();
  }
}

/**
 * The form a request posted, as its echo needs it: text fields in order and whether a file was
 * chosen, never a file's bytes. Null when the request is not a form post, or its form cannot be
 * read (a urlencoded body over `MAX_ECHO_BYTES`, a body used without the route guards).
 */
export async function readPostedForm(request: Request): Promise<PostedForm | null> {
  if (request.method !== 'POST') return null;
  const encoding = encodingOf(request);
  if (!encoding) return null;
  if (request.bodyUsed) return formReadBefore(request, encoding);
  if (!request.body) return { encoding, fields: [], files: false, complete: true };
  return encoding === 'multipart/form-data'
    ? readMultipart(request, request.body)
    : readUrlEncoded(request.body);
}

/**
 * The page's words for a post, from the catalogue: sent with the 401 data, so that they and the
 * field labels are not in every page's initial JavaScript (the root's error boundary shows the
 * page on any route, and the case page is at the 200 kB limit).
 */
export function loggedOutPage(post: LoggedOutPost): LoggedOutPage {
  const t = msg.loggedOut;
  const sendAgainHowTo = post.chooseTrust ? t.howToChoose : t.howTo;
  return {
    ...post,
    words: {
      title: t.title,
      body: t.body,
      typed: t.typed,
      howTo: post.resend ? sendAgainHowTo : post.files ? t.filesAgain : t.copyOnly,
      signIn: post.chooseTrust ? t.chooseTrust : t.logIn,
      sendAgain: t.sendAgain,
    },
    labels: post.typed.map((typed) => t.fields[typed.name]),
  };
}

/**
 * The 401 answer's data for a request without a session (ADR 0036): made from the request's own
 * body and the catalogue, never from the database. Null when it is not a form post, or nothing
 * typed in it would be lost (`loggedOutPost`).
 */
export async function loggedOutEcho(
  request: Request,
  targets: Omit<EchoTargets, 'action'>,
): Promise<LoggedOutPage | null> {
  const posted = await readPostedForm(request);
  if (!posted) return null;
  const post = loggedOutPost(posted, { ...targets, action: pageAddress(new URL(request.url)) });
  return post && loggedOutPage(post);
}
