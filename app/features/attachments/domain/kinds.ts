/** The attachment types allowed, by kind: the MIME type answered on download and the extensions. */
export const ATTACHMENT_TYPES = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'] },
  png: { mime: 'image/png', extensions: ['png'] },
  jpeg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
  },
  pptx: {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
  },
  doc: { mime: 'application/msword', extensions: ['doc'] },
  xls: { mime: 'application/vnd.ms-excel', extensions: ['xls'] },
} as const satisfies Record<string, { mime: string; extensions: readonly string[] }>;

export type AttachmentKind = keyof typeof ATTACHMENT_TYPES;
export const ATTACHMENT_KINDS = Object.keys(ATTACHMENT_TYPES) as AttachmentKind[];

/** The kind of an allowed MIME type (as stored), or null. */
export function kindOfMime(mime: string): AttachmentKind | null {
  return ATTACHMENT_KINDS.find((kind) => ATTACHMENT_TYPES[kind].mime === mime) ?? null;
}

/** For `<input type="file" accept>`: a hint to the file picker only; the server decides by content. */
export const ACCEPT = ATTACHMENT_KINDS.flatMap((kind) => [
  ...ATTACHMENT_TYPES[kind].extensions.map((ext) => `.${ext}`),
  ATTACHMENT_TYPES[kind].mime,
]).join(',');

/** 20 MiB: the default per-file limit (ATTACHMENT_MAX_BYTES). */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** The name of the file input of the upload form. */
export const FILE_FIELD = 'fil';
