import { describe, expect, it } from 'vitest';
import {
  compoundFile,
  htmlPage,
  minimalDocm,
  minimalDocx,
  minimalJpeg,
  minimalPdf,
  minimalPng,
  minimalPptx,
  minimalXlsx,
  svgImage,
  windowsExecutable,
  zip,
} from '../../../test/files';
import { cfbRootEntryNames } from './cfb';
import { checkFile, detectAttachmentKind } from './file-type';
import { ACCEPT, DEFAULT_MAX_BYTES } from './kinds';

const MB = 1024 * 1024;

describe('checkFile: the type comes from the bytes, never the name', () => {
  it.each([
    ['a real PDF', minimalPdf(), { ok: true, kind: 'pdf' }],
    ['a real PNG', minimalPng(), { ok: true, kind: 'png' }],
    ['a real JPEG', minimalJpeg(), { ok: true, kind: 'jpeg' }],
    ['a real DOCX', minimalDocx(), { ok: true, kind: 'docx' }],
    ['a real XLSX', minimalXlsx(), { ok: true, kind: 'xlsx' }],
    ['a real PPTX', minimalPptx(), { ok: true, kind: 'pptx' }],
    ['a legacy Word file', compoundFile(['WordDocument', '1Table']), { ok: true, kind: 'doc' }],
    ['a legacy Excel file', compoundFile(['Workbook']), { ok: true, kind: 'xls' }],
    ['an Excel 5 file', compoundFile(['Book']), { ok: true, kind: 'xls' }],
    ['an EXE (named .pdf)', windowsExecutable(), { ok: false, problem: 'typeNotAllowed' }],
    ['an HTML page (named .pdf)', htmlPage(), { ok: false, problem: 'typeNotAllowed' }],
    ['an SVG with a script (named .png)', svgImage(), { ok: false, problem: 'typeNotAllowed' }],
    ['a macro-enabled DOCM', minimalDocm(), { ok: false, problem: 'typeNotAllowed' }],
    ['a plain ZIP', zip({ 'a.txt': 'hei' }), { ok: false, problem: 'typeNotAllowed' }],
    [
      'a legacy Word file with macros',
      compoundFile(['WordDocument', 'Macros']),
      { ok: false, problem: 'typeNotAllowed' },
    ],
    [
      'a legacy Excel file with macros',
      compoundFile(['Workbook', '_VBA_PROJECT_CUR']),
      { ok: false, problem: 'typeNotAllowed' },
    ],
    [
      'an encrypted Office document',
      compoundFile(['EncryptionInfo', 'EncryptedPackage']),
      { ok: false, problem: 'typeNotAllowed' },
    ],
    [
      'another compound file (an installer)',
      compoundFile(['SummaryInformation']),
      { ok: false, problem: 'typeNotAllowed' },
    ],
    [
      'a compound file whose directory chain loops',
      compoundFile(['WordDocument'], { cyclic: true }),
      { ok: false, problem: 'typeNotAllowed' },
    ],
    [
      'a truncated compound file',
      compoundFile(['WordDocument']).subarray(0, 700),
      { ok: false, problem: 'typeNotAllowed' },
    ],
    [
      'plain text',
      new TextEncoder().encode('Pasient: Ola'),
      { ok: false, problem: 'typeNotAllowed' },
    ],
    ['an empty file', new Uint8Array(), { ok: false, problem: 'empty' }],
  ])('%s', async (_name, bytes, expected) => {
    expect(await checkFile(bytes, DEFAULT_MAX_BYTES)).toEqual(expected);
  });
});

describe('checkFile: size', () => {
  const pdf = minimalPdf();

  it.each([
    ['exactly at the limit', pdf.length, { ok: true, kind: 'pdf' }],
    ['one byte over the limit', pdf.length - 1, { ok: false, problem: 'tooLarge' }],
  ])('%s', async (_name, maxBytes, expected) => {
    expect(await checkFile(pdf, maxBytes)).toEqual(expected);
  });

  it('refuses a file over the default 20 MB before looking at its type', async () => {
    const big = new Uint8Array(DEFAULT_MAX_BYTES + 1);
    big.set(minimalPdf());
    expect(DEFAULT_MAX_BYTES).toBe(20 * MB);
    expect(await checkFile(big, DEFAULT_MAX_BYTES)).toEqual({ ok: false, problem: 'tooLarge' });
  });

  it('accepts a padded PDF just under 20 MB', async () => {
    const big = new Uint8Array(DEFAULT_MAX_BYTES);
    big.set(minimalPdf());
    expect(await detectAttachmentKind(big)).toBe('pdf');
  });
});

describe('cfbRootEntryNames', () => {
  it('lists the entries under the root', () => {
    expect(cfbRootEntryNames(compoundFile(['WordDocument', '1Table', 'Data']))?.sort()).toEqual([
      '1Table',
      'Data',
      'WordDocument',
    ]);
  });

  it.each([
    ['not a compound file', minimalPdf()],
    ['too short', compoundFile([]).subarray(0, 100)],
    ['a looping directory chain', compoundFile(['WordDocument'], { cyclic: true })],
  ])('answers null for %s', (_name, bytes) => {
    expect(cfbRootEntryNames(bytes)).toBeNull();
  });
});

describe('ACCEPT', () => {
  it('hints at every allowed extension and type for the file picker', () => {
    expect(ACCEPT.split(',')).toEqual(
      expect.arrayContaining(['.pdf', '.png', '.jpg', '.jpeg', '.docx', '.xlsx', '.pptx', '.doc']),
    );
    expect(ACCEPT).toContain('application/pdf');
  });
});
