import { inflateRawSync } from 'node:zlib';

/**
 * What an uploaded XLSX (a ZIP archive) unpacks to, checked before ExcelJS unpacks it: ExcelJS
 * (through JSZip) inflates every entry whole into memory, so a small file of highly compressed
 * entries (a zip bomb) would exhaust it. The central directory, read here without inflating
 * anything, gives each entry's declared size; the entries are then inflated once, each stopped at
 * its declared size, so that an entry that lies about its size is refused as well. What might
 * lead JSZip to other entries than these (ZIP64 or several disks, a directory not right before its
 * end record) is refused: no spreadsheet within the limits needs it.
 */

export interface ZipLimits {
  /** Most bytes all entries may unpack to together. */
  unpackedBytes: number;
  /** Most entries (files and folders). */
  zipEntries: number;
}

export type ZipCheck = 'ok' | 'tooLargeUnpacked' | 'unreadable';

const END_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const END_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const STORED = 0;
const DEFLATED = 8;
/** A size or offset of this value (a count of 0xffff) means the ZIP64 record holds it. */
const ZIP64_MARK = 0xffffffff;
const ZIP64_COUNT_MARK = 0xffff;

interface Entry {
  method: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

/** The end of central directory record's offset: the last one, as JSZip finds it. */
function findEnd(view: DataView): number | null {
  const lowest = Math.max(0, view.byteLength - END_SIZE - 0xffff);
  for (let at = view.byteLength - END_SIZE; at >= lowest; at--) {
    if (view.getUint32(at, true) === END_SIGNATURE) return at;
  }
  return null;
}

/**
 * The entries of the central directory, or why the archive is refused. Stops reading past
 * `limits.zipEntries` and once the declared sizes pass `limits.unpackedBytes`.
 */
function centralDirectory(view: DataView, limits: ZipLimits): Entry[] | ZipCheck {
  const end = findEnd(view);
  if (end === null) return 'unreadable';
  const disk = view.getUint16(end + 4, true);
  const directoryDisk = view.getUint16(end + 6, true);
  const countOnDisk = view.getUint16(end + 8, true);
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const start = view.getUint32(end + 16, true);
  if (count === ZIP64_COUNT_MARK || size === ZIP64_MARK || start === ZIP64_MARK) {
    return 'tooLargeUnpacked';
  }
  if (count > limits.zipEntries) return 'tooLargeUnpacked';
  // One disk (other values would send JSZip to a ZIP64 record), and the directory ends where its
  // end record begins (JSZip would shift every offset otherwise).
  if (disk !== 0 || directoryDisk !== 0 || countOnDisk !== count || start + size !== end) {
    return 'unreadable';
  }
  const entries: Entry[] = [];
  let declared = 0;
  let at = start;
  while (at + CENTRAL_SIZE <= end && view.getUint32(at, true) === CENTRAL_SIGNATURE) {
    const entry: Entry = {
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      declaredSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    };
    entries.push(entry);
    declared += entry.declaredSize;
    if (entries.length > limits.zipEntries || declared > limits.unpackedBytes) {
      return 'tooLargeUnpacked';
    }
    if (entry.compressedSize === ZIP64_MARK || entry.localOffset === ZIP64_MARK) {
      return 'tooLargeUnpacked';
    }
    at +=
      CENTRAL_SIZE +
      view.getUint16(at + 28, true) +
      view.getUint16(at + 30, true) +
      view.getUint16(at + 32, true);
  }
  if (at !== end || entries.length !== count) return 'unreadable';
  return entries;
}

/** Inflates a deflated entry, stopped past its declared size (then `tooLargeUnpacked`). */
function inflatesAsDeclared(view: DataView, entry: Entry): ZipCheck {
  const at = entry.localOffset;
  if (at + LOCAL_SIZE > view.byteLength || view.getUint32(at, true) !== LOCAL_SIGNATURE) {
    return 'unreadable';
  }
  const dataStart = at + LOCAL_SIZE + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (dataStart + entry.compressedSize > view.byteLength) return 'unreadable';
  const data = new Uint8Array(view.buffer, view.byteOffset + dataStart, entry.compressedSize);
  try {
    inflateRawSync(data, { maxOutputLength: Math.max(1, entry.declaredSize) });
    return 'ok';
  } catch (error) {
    // Node refuses output past maxOutputLength with a RangeError; anything else is bad data.
    return error instanceof RangeError ? 'tooLargeUnpacked' : 'unreadable';
  }
}

/** Whether the ZIP archive unpacks within `limits` (see the module's comment). */
export function checkZip(bytes: Uint8Array, limits: ZipLimits): ZipCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.byteLength < END_SIZE) return 'unreadable';
  const entries = centralDirectory(view, limits);
  if (!Array.isArray(entries)) return entries;
  for (const entry of entries) {
    // A stored entry is its bytes in the file: no larger than the upload itself.
    if (entry.method === STORED) continue;
    if (entry.method !== DEFLATED) return 'unreadable';
    const inflated = inflatesAsDeclared(view, entry);
    if (inflated !== 'ok') return inflated;
  }
  return 'ok';
}
