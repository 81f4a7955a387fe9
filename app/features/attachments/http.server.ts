import {
  MaxFileSizeExceededError,
  MaxTotalSizeExceededError,
  parseMultipartRequest,
} from '@remix-run/multipart-parser';
import { redirect } from 'react-router';
import { msg } from '../../i18n';
import type { AttachmentDownload } from './attachments.server';
import { AttachmentError, attachmentQuery, type AttachmentNotice } from './domain/errors';
import { contentDisposition } from './domain/file-name';
import { FILE_FIELD } from './domain/kinds';

/** Room beside the file for the multipart framing and the form's few small fields. */
const FORM_OVERHEAD = 64 * 1024;
/**
 * A refused body is read on and thrown away (browsers send the whole body before they read the
 * answer, so this is what lets them show the message) up to this many times the limit; beyond
 * it the connection is dropped.
 */
const DISCARD_FACTOR = 10;

type ReadProblem = 'tooLarge' | 'unreadable';

export type UploadRead =
  | { ok: true; fileName: string; bytes: Uint8Array }
  | { ok: false; problem: 'noFile' | ReadProblem };

/** A multipart form as read by `readForm`. */
export interface FormRead {
  /** Its text fields, by name (a name sent twice: the last value). */
  fields: ReadonlyMap<string, string>;
  /** The file chosen in its file input (`FILE_FIELD`), or null when none was chosen. */
  file: { fileName: string; bytes: Uint8Array } | null;
  /**
   * Why it could not be read to the end: the file is over the limit, or the body is not a
   * multipart form. The text fields sent before the file are read all the same.
   */
  problem: ReadProblem | null;
}

/** Reads what is left of a request body without keeping it, then lets the answer go out. */
async function discardBody(request: Request, maxBytes: number): Promise<void> {
  if (!request.body || request.body.locked) return;
  const reader = request.body.getReader();
  let seen = 0;
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) return;
    seen += chunk.value.byteLength;
    if (seen > DISCARD_FACTOR * (maxBytes + FORM_OVERHEAD)) {
      await reader.cancel();
      return;
    }
  }
}

/**
 * Runs an upload action, then consumes whatever of the body its handling left unread (an early
 * answer such as "not signed in", or a refusal), so that the browser receives the answer.
 */
export async function afterBody<T>(
  request: Request,
  maxBytes: number,
  handle: () => Promise<T>,
): Promise<T> {
  try {
    return await handle();
  } finally {
    await discardBody(request, maxBytes);
  }
}

/**
 * A multipart form with one file, streamed part by part: the parser stops reading at the limit,
 * so no more than `maxBytes` of a file is ever held in memory. A browser sends the fields in the
 * form's order, so a text typed above the file input (an answer) is read even when the file is
 * refused as too large.
 */
export async function readForm(request: Request, maxBytes: number): Promise<FormRead> {
  const fields = new Map<string, string>();
  let file: FormRead['file'] = null;
  try {
    const parts = parseMultipartRequest(request, {
      maxFileSize: maxBytes,
      maxTotalSize: maxBytes + FORM_OVERHEAD,
      maxParts: 16,
    });
    for await (const part of parts) {
      if (part.isText && part.name) fields.set(part.name, part.text);
      // A form sent with no file chosen has an empty part with an empty name.
      else if (part.name === FILE_FIELD && (part.filename || part.size > 0)) {
        if (file) return { fields, file, problem: 'unreadable' };
        file = { fileName: part.filename ?? '', bytes: part.bytes };
      }
    }
  } catch (error) {
    const tooLarge =
      error instanceof MaxFileSizeExceededError || error instanceof MaxTotalSizeExceededError;
    // Anything else the parser or the body's stream throws: not a form it can read.
    return { fields, file, problem: tooLarge ? 'tooLarge' : 'unreadable' };
  }
  return { fields, file, problem: null };
}

/**
 * The one file of an upload form (`readForm`); a body that declares more than the limit is not
 * parsed at all.
 */
export async function readUpload(request: Request, maxBytes: number): Promise<UploadRead> {
  if (Number(request.headers.get('Content-Length') ?? 0) > maxBytes + FORM_OVERHEAD) {
    return { ok: false, problem: 'tooLarge' };
  }
  const { file, problem } = await readForm(request, maxBytes);
  if (problem) return { ok: false, problem };
  return file ? { ok: true, ...file } : { ok: false, problem: 'noFile' };
}

const editUrl = (caseId: string) => `/saker/${caseId}/rediger`;

/** Back to the edit page after an upload or removal, with the outcome for the message. */
export const doneRedirect = (caseId: string, done: AttachmentNotice) =>
  redirect(`${editUrl(caseId)}${attachmentQuery({ done })}#vedlegg`);

/** A case or attachment the user may not see: 404 with a plain Norwegian text, as a resource route has no page. */
export const notFoundResponse = () =>
  new Response(msg.problems.notFoundPage, {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });

/**
 * A refused upload or removal: back to the edit page with the reason, or, when the case can no
 * longer be edited (the edit page would send the user on), to the case page; a case or an
 * attachment the user may not see is 404.
 */
export function refusalRedirect(caseId: string, error: unknown) {
  if (!(error instanceof AttachmentError)) throw error;
  if (error.code === 'notFound') throw notFoundResponse();
  const page = error.code === 'notEditable' ? `/saker/${caseId}` : editUrl(caseId);
  return redirect(`${page}${attachmentQuery({ error: error.code })}#vedlegg`);
}

/**
 * An attachment as a download: never shown inline, never cached, in a sandbox if opened anyway.
 * `X-Content-Type-Options: nosniff` is set on every response by the server (server/main.ts);
 * repeating it here would send it twice.
 */
export function downloadResponse(file: AttachmentDownload): Response {
  // A copy typed as backed by a plain ArrayBuffer (node-postgres hands out pooled Buffers).
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'Content-Type': file.mimeType,
      'Content-Length': String(file.bytes.byteLength),
      'Content-Disposition': contentDisposition(file.fileName),
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
    },
  });
}
