import { crc32, deflateRawSync, deflateSync } from 'node:zlib';

/**
 * Real, minimal files of each attachment type, built as bytes (no binary fixtures), and some that
 * must be refused. Shared by unit, integration and end-to-end tests.
 */

const ascii = (text: string): Uint8Array<ArrayBuffer> =>
  new Uint8Array(Buffer.from(text, 'latin1'));

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.concat(parts));
}

/** A one-page PDF 1.4 with a correct cross-reference table. */
export function minimalPdf(): Uint8Array<ArrayBuffer> {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const offset = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return ascii(body);
}

function pngChunk(type: string, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = concat([ascii(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return concat([length, typed, crc]);
}

/** A 1×1 white greyscale PNG. */
export function minimalPng(): Uint8Array<ArrayBuffer> {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0); // width
  header.writeUInt32BE(1, 4); // height
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, deflate, no filter, no interlace
  return concat([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.from([0, 0xff]))),
    pngChunk('IEND', new Uint8Array()),
  ]);
}

/** A 1×1 white baseline JPEG (JFIF), as encoded by Chromium, without its colour profile. */
export function minimalJpeg(): Uint8Array<ArrayBuffer> {
  return new Uint8Array(
    Buffer.from(
      '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAABAAEDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAf/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAAAP/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AKAAD//Z',
      'base64',
    ),
  );
}

/**
 * An entry deflated in the archive (a text entry is stored), declaring `declaredSize` as its
 * unpacked size when given (a zip bomb that lies about its size), else its true size.
 */
export interface DeflatedEntry {
  content: Uint8Array;
  declaredSize?: number;
}

/** A ZIP archive: text entries stored (uncompressed), the others deflated. */
export function zip(entries: Record<string, string | DeflatedEntry>): Uint8Array<ArrayBuffer> {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, entry] of Object.entries(entries)) {
    const stored = typeof entry === 'string';
    const content = stored ? Buffer.from(entry, 'utf8') : entry.content;
    const data = stored ? content : deflateRawSync(content);
    const size = stored ? content.length : (entry.declaredSize ?? content.length);
    const method = stored ? 0 : 8;
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0x0021, 12); // date: 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6); // version needed
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0x0021, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return concat([...locals, directory, end]);
}

/** An Office Open XML package whose main part has the given path and content type. */
function openXml(mainPart: string, contentType: string, xml: string): Uint8Array<ArrayBuffer> {
  return zip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/${mainPart}" ContentType="${contentType}"/>` +
      '</Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" ' +
      `Target="${mainPart}"/></Relationships>`,
    [mainPart]: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${xml}`,
  });
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const wordXml = `<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>Epikrise</w:t></w:r></w:p></w:body></w:document>`;

/** A one-paragraph Word document (.docx). */
export const minimalDocx = () =>
  openXml(
    'word/document.xml',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
    wordXml,
  );

/** The same as a macro-enabled Word document (.docm), which is refused. */
export const minimalDocm = () =>
  openXml('word/document.xml', 'application/vnd.ms-word.document.macroEnabled.main+xml', wordXml);

/** An empty Excel workbook (.xlsx). */
export const minimalXlsx = () =>
  openXml(
    'xl/workbook.xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
  );

/** An empty PowerPoint presentation (.pptx). */
export const minimalPptx = () =>
  openXml(
    'ppt/presentation.xml',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
    '<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>',
  );

const NO_STREAM = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;

/**
 * A compound file (MS-CFB, version 3) whose root holds empty entries with the given names (at most
 * three): `WordDocument` makes a legacy Word file, `Workbook` a legacy Excel file. `cyclic` makes
 * the directory's sector chain point at itself.
 */
export function compoundFile(
  names: string[],
  options: { cyclic?: boolean } = {},
): Uint8Array<ArrayBuffer> {
  const header = Buffer.alloc(512, 0);
  header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  header.writeUInt16LE(0x3e, 0x18); // minor version
  header.writeUInt16LE(3, 0x1a); // major version
  header.writeUInt16LE(0xfffe, 0x1c); // byte order
  header.writeUInt16LE(9, 0x1e); // 512-byte sectors
  header.writeUInt16LE(6, 0x20); // 64-byte mini sectors
  header.writeUInt32LE(1, 0x2c); // one FAT sector
  header.writeUInt32LE(1, 0x30); // the directory starts at sector 1
  header.writeUInt32LE(4096, 0x38); // mini stream cut-off
  header.writeUInt32LE(END_OF_CHAIN, 0x3c); // no mini FAT
  header.writeUInt32LE(END_OF_CHAIN, 0x44); // no DIFAT sectors
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : NO_STREAM, 0x4c + i * 4);

  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0 holds the FAT
  fat.writeUInt32LE(options.cyclic ? 1 : END_OF_CHAIN, 4); // sector 1: the directory

  const directory = Buffer.alloc(512, 0);
  const entry = (i: number, name: string, type: number, right: number, child: number) => {
    const at = i * 128;
    const encoded = Buffer.from(`${name}\0`, 'utf16le');
    directory.set(encoded, at);
    directory.writeUInt16LE(encoded.length, at + 0x40);
    directory.writeUInt8(type, at + 0x42);
    directory.writeUInt8(1, at + 0x43); // black
    directory.writeUInt32LE(NO_STREAM, at + 0x44);
    directory.writeUInt32LE(right, at + 0x48);
    directory.writeUInt32LE(child, at + 0x4c);
    directory.writeUInt32LE(END_OF_CHAIN, at + 0x74); // start sector of an empty stream
  };
  entry(0, 'Root Entry', 5, NO_STREAM, names.length > 0 ? 1 : NO_STREAM);
  names.forEach((name, i) =>
    entry(i + 1, name, 2, i + 2 <= names.length ? i + 2 : NO_STREAM, NO_STREAM),
  );
  for (let i = names.length + 1; i < 4; i++) {
    directory.writeUInt32LE(NO_STREAM, i * 128 + 0x44);
    directory.writeUInt32LE(NO_STREAM, i * 128 + 0x48);
    directory.writeUInt32LE(NO_STREAM, i * 128 + 0x4c);
  }
  return concat([header, fat, directory]);
}

/** The start of a Windows executable (MZ header and PE signature). */
export function windowsExecutable(): Uint8Array<ArrayBuffer> {
  const bytes = Buffer.alloc(256, 0);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  return new Uint8Array(bytes);
}

export const htmlPage = () =>
  ascii('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');

export const svgImage = () =>
  ascii('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
