import { fileTypeFromBuffer } from 'file-type/core';
import { cfbRootEntryNames } from './cfb';
import { kindOfMime, type AttachmentKind } from './kinds';

/**
 * Legacy Word and Excel files are compound files; so are installers and encrypted documents. Only
 * a Word document (a root `WordDocument` stream) or an Excel workbook (`Workbook`, or `Book` for
 * Excel 5) is accepted, and neither with a macro project.
 */
function legacyOfficeKind(bytes: Uint8Array): AttachmentKind | null {
  const names = new Set(cfbRootEntryNames(bytes));
  if (names.has('EncryptedPackage')) return null;
  if (names.has('WordDocument')) return names.has('Macros') ? null : 'doc';
  if (names.has('Workbook') || names.has('Book')) {
    return names.has('_VBA_PROJECT_CUR') ? null : 'xls';
  }
  return null;
}

/**
 * The kind of an attachment judged from its bytes alone (never its name), or null when it is not
 * one of the allowed types. Macro-enabled Office files are detected as their own types and refused.
 */
export async function detectAttachmentKind(bytes: Uint8Array): Promise<AttachmentKind | null> {
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected) return null;
  if (detected.mime === 'application/x-cfb') return legacyOfficeKind(bytes);
  return kindOfMime(detected.mime);
}

export type FileProblem = 'empty' | 'tooLarge' | 'typeNotAllowed';

export type FileCheck = { ok: true; kind: AttachmentKind } | { ok: false; problem: FileProblem };

/** The rules every uploaded file must pass: not empty, within the size limit, an allowed type. */
export async function checkFile(bytes: Uint8Array, maxBytes: number): Promise<FileCheck> {
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  if (bytes.length > maxBytes) return { ok: false, problem: 'tooLarge' };
  const kind = await detectAttachmentKind(bytes);
  return kind ? { ok: true, kind } : { ok: false, problem: 'typeNotAllowed' };
}
