import { describe, expect, it } from 'vitest';
import { zip } from '../../test/files';
import { xlsxTemplate } from './spreadsheet.server';
import { checkZip } from './zip.server';

const limits = { unpackedBytes: 4096, zipEntries: 3 };

/** The archive with its end of central directory record (the last 22 bytes) changed. */
function withEnd(file: Uint8Array, change: (end: DataView) => void): Uint8Array {
  const copy = file.slice();
  change(new DataView(copy.buffer, copy.byteLength - 22, 22));
  return copy;
}

describe('checkZip', () => {
  it('passes the XLSX template and archives within the limits', async () => {
    expect(
      checkZip(await xlsxTemplate('Kreftavdelingen'), { unpackedBytes: 1e6, zipEntries: 50 }),
    ).toBe('ok');
    expect(checkZip(zip({ a: 'hei', b: { content: new Uint8Array(4093) } }), limits)).toBe('ok');
  });

  it('counts the declared sizes of all entries, and the entries', () => {
    expect(checkZip(zip({ a: 'hei', b: { content: new Uint8Array(4094) } }), limits)).toBe(
      'tooLargeUnpacked',
    );
    expect(checkZip(zip({ a: '', b: '', c: '', d: '' }), limits)).toBe('tooLargeUnpacked');
  });

  it('refuses what would send JSZip elsewhere: ZIP64 marks, other disks, a moved directory', () => {
    const file = zip({ a: { content: new Uint8Array(10) } });
    expect(
      checkZip(
        withEnd(file, (end) => end.setUint16(10, 0xffff, true)),
        limits,
      ),
    ).toBe('tooLargeUnpacked');
    expect(
      checkZip(
        withEnd(file, (end) => end.setUint16(4, 0xffff, true)),
        limits,
      ),
    ).toBe('unreadable');
    expect(
      checkZip(
        withEnd(file, (end) => end.setUint32(16, end.getUint32(16, true) - 1, true)),
        limits,
      ),
    ).toBe('unreadable');
    expect(
      checkZip(zip({ a: { content: new Uint8Array(10), declaredSize: 0xffffffff } }), limits),
    ).toBe('tooLargeUnpacked');
  });

  it('refuses what is no ZIP or not deflate', () => {
    expect(checkZip(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), limits)).toBe('unreadable');
    const file = zip({ a: { content: new Uint8Array(10) } });
    // The central directory's compression method (at 10 in the first record) made 99.
    const directory = new DataView(file.buffer).getUint32(file.byteLength - 6, true);
    const changed = file.slice();
    new DataView(changed.buffer).setUint16(directory + 10, 99, true);
    expect(checkZip(changed, limits)).toBe('unreadable');
  });
});
