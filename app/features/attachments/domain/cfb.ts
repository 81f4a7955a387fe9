/**
 * A minimal reader of the Microsoft Compound File Binary format (MS-CFB), the container of legacy
 * Office documents (.doc, .xls) and of other things (installers, encrypted OOXML). It reads only
 * the directory, to tell which streams and storages sit at the root; never any stream's content.
 * Every offset is bounds-checked and every chain walk is capped, so hostile bytes cannot loop.
 */

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Sector numbers at or above this are markers (end of chain, free, FAT, DIFAT), not sectors. */
const MAX_REGULAR_SECTOR = 0xfffffffa;
const NO_STREAM = 0xffffffff;
const HEADER_DIFAT_ENTRIES = 109;
const DIRECTORY_ENTRY_SIZE = 128;
const ROOT_STORAGE = 5;

/** The names of the entries directly under the root storage, or null if the bytes are not a valid CFB. */
export function cfbRootEntryNames(bytes: Uint8Array): string[] | null {
  if (bytes.length < 512 || !SIGNATURE.every((b, i) => bytes[i] === b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (offset: number) => view.getUint16(offset, true);
  const u32 = (offset: number) => view.getUint32(offset, true);

  const major = u16(0x1a);
  const shift = u16(0x1e);
  if (u16(0x1c) !== 0xfffe) return null;
  if (!((major === 3 && shift === 9) || (major === 4 && shift === 12))) return null;
  const sectorSize = 2 ** shift;
  const sectorCount = Math.ceil(bytes.length / sectorSize) - 1;
  /** The byte offset of a sector that lies wholly inside the file, or null. */
  const sectorAt = (sector: number): number | null => {
    if (sector > MAX_REGULAR_SECTOR) return null;
    const offset = (sector + 1) * sectorSize;
    return offset + sectorSize <= bytes.length ? offset : null;
  };

  // The FAT's own sectors: the first 109 are listed in the header, the rest in the DIFAT chain.
  const fatSectorCount = u32(0x2c);
  if (fatSectorCount > sectorCount) return null;
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_ENTRIES && fatSectors.length < fatSectorCount; i++) {
    fatSectors.push(u32(0x4c + i * 4));
  }
  let difat = u32(0x44);
  for (let hops = 0; fatSectors.length < fatSectorCount; hops++) {
    const offset = sectorAt(difat);
    if (offset === null || hops > sectorCount) return null;
    for (let i = 0; i < sectorSize / 4 - 1 && fatSectors.length < fatSectorCount; i++) {
      fatSectors.push(u32(offset + i * 4));
    }
    difat = u32(offset + sectorSize - 4);
  }
  const perFatSector = sectorSize / 4;
  const nextSector = (sector: number): number | null => {
    const fatSector = fatSectors[Math.floor(sector / perFatSector)];
    const offset = fatSector === undefined ? null : sectorAt(fatSector);
    return offset === null ? null : u32(offset + (sector % perFatSector) * 4);
  };

  // The directory is a chain of sectors holding 128-byte entries.
  const directory: number[] = [];
  for (let sector = u32(0x30); sector <= MAX_REGULAR_SECTOR;) {
    const offset = sectorAt(sector);
    if (offset === null || directory.length > sectorCount) return null;
    directory.push(offset);
    const next = nextSector(sector);
    if (next === null) return null;
    sector = next;
  }
  const perDirectorySector = sectorSize / DIRECTORY_ENTRY_SIZE;
  const entryAt = (id: number): number | null => {
    const base = directory[Math.floor(id / perDirectorySector)];
    return base === undefined ? null : base + (id % perDirectorySector) * DIRECTORY_ENTRY_SIZE;
  };
  const root = entryAt(0);
  if (root === null || bytes[root + 0x42] !== ROOT_STORAGE) return null;

  // The root's children form a tree through their left and right sibling links.
  const names: string[] = [];
  const seen = new Set<number>();
  const pending = [u32(root + 0x4c)];
  const decoder = new TextDecoder('utf-16le');
  while (pending.length > 0) {
    const id = pending.pop();
    if (id === undefined || id === NO_STREAM) continue;
    const entry = entryAt(id);
    if (entry === null || seen.has(id) || seen.size > directory.length * perDirectorySector) {
      return null;
    }
    seen.add(id);
    const nameLength = u16(entry + 0x40);
    if (nameLength < 2 || nameLength > 64 || nameLength % 2 !== 0) return null;
    names.push(decoder.decode(bytes.subarray(entry, entry + nameLength - 2)));
    pending.push(u32(entry + 0x44), u32(entry + 0x48));
  }
  return names;
}
