import { ATTACHMENT_TYPES, type AttachmentKind } from './kinds';

const MAX_BASE_LENGTH = 120;
/** Control characters, and the invisible bidirectional marks that can disguise an extension. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
/** Reserved in file names on Windows, or path separators anywhere. */
const RESERVED_CHARACTERS = /[<>:"/\\|?*]/g;
const RESERVED_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * A file name that is safe to store and to offer back for download: no path, no control or
 * bidirectional characters, no characters Windows forbids, not hidden, at most 120 characters
 * before the extension, and ending in an extension of the type detected from the content (added
 * when the name says otherwise, so «rapport.exe» holding a PDF is offered as «rapport.exe.pdf»).
 */
export function sanitizeFileName(raw: string, kind: AttachmentKind, fallback: string): string {
  const base =
    raw
      .split(/[/\\]/)
      .pop()
      ?.normalize('NFC')
      .replace(/\s+/g, ' ')
      .replace(INVISIBLE, '')
      .replace(RESERVED_CHARACTERS, '_')
      .replace(/^[\s.]+|[\s.]+$/g, '') ?? '';
  const extensions: readonly string[] = ATTACHMENT_TYPES[kind].extensions;
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  const hasExtension = extensions.includes(extension);
  let stem = hasExtension ? base.slice(0, dot) : base;
  stem = Array.from(stem).slice(0, MAX_BASE_LENGTH).join('').trim() || fallback;
  if (RESERVED_NAMES.test(stem)) stem = `_${stem}`;
  return `${stem}.${hasExtension ? extension : (extensions[0] ?? kind)}`;
}

/** RFC 3986 percent-encoding (encodeURIComponent leaves a few characters RFC 5987 does not allow). */
const percentEncode = (text: string) =>
  encodeURIComponent(text).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/**
 * A `Content-Disposition: attachment` header value for a sanitised file name (RFC 6266): an ASCII
 * fallback for old clients and the exact UTF-8 name (RFC 8187) for the rest.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${percentEncode(fileName)}`;
}
