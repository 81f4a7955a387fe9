import { describe, expect, it } from 'vitest';
import { contentDisposition, sanitizeFileName } from './file-name';
import type { AttachmentKind } from './kinds';

describe('sanitizeFileName', () => {
  it.each<[string, AttachmentKind, string]>([
    ['Epikrise.pdf', 'pdf', 'Epikrise.pdf'],
    ['skann.JPEG', 'jpeg', 'skann.jpeg'],
    ['bilde.jpg', 'jpeg', 'bilde.jpg'],
    ['C:\\Users\\lege\\Dokumenter\\notat.docx', 'docx', 'notat.docx'],
    ['../../etc/passwd', 'pdf', 'passwd.pdf'],
    ['rapport.exe', 'pdf', 'rapport.exe.pdf'],
    ['Epikrise 12.03.2026', 'pdf', 'Epikrise 12.03.2026.pdf'],
    ['faktura\u202Efdp.exe', 'pdf', 'fakturafdp.exe.pdf'],
    ['linje\nskift\t.pdf', 'pdf', 'linje skift.pdf'],
    ['a<b>c:d"e|f?g*h.pdf', 'pdf', 'a_b_c_d_e_f_g_h.pdf'],
    ['.skjult.pdf', 'pdf', 'skjult.pdf'],
    ['  mellomrom   .pdf  ', 'pdf', 'mellomrom.pdf'],
    ['CON.pdf', 'pdf', '_CON.pdf'],
    ['', 'png', 'vedlegg.png'],
    ['...', 'png', 'vedlegg.png'],
    ['Blodprøve Ærlig Øya Åsen.xlsx', 'xlsx', 'Blodprøve Ærlig Øya Åsen.xlsx'],
    ['gammel.DOC', 'doc', 'gammel.doc'],
  ])('%j (%s) → %j', (raw, kind, expected) => {
    expect(sanitizeFileName(raw, kind, 'vedlegg')).toBe(expected);
  });

  it('composes decomposed letters (NFC)', () => {
    expect(sanitizeFileName('blodpro\u0308ve.pdf', 'pdf', 'vedlegg')).toBe('blodpr\u00f6ve.pdf');
  });

  it('keeps at most 120 characters before the extension', () => {
    const name = sanitizeFileName(`${'å'.repeat(300)}.pdf`, 'pdf', 'vedlegg');
    expect(name).toBe(`${'å'.repeat(120)}.pdf`);
  });
});

describe('contentDisposition', () => {
  it.each([
    ['Epikrise.pdf', `attachment; filename="Epikrise.pdf"; filename*=UTF-8''Epikrise.pdf`],
    [
      'Blodprøve 1 (Åsen).pdf',
      `attachment; filename="Blodpr_ve 1 (Asen).pdf"; filename*=UTF-8''Blodpr%C3%B8ve%201%20%28%C3%85sen%29.pdf`,
    ],
    [
      "o'neil 100%.pdf",
      `attachment; filename="o'neil 100_.pdf"; filename*=UTF-8''o%27neil%20100%25.pdf`,
    ],
  ])('%j', (name, expected) => {
    expect(contentDisposition(name)).toBe(expected);
  });
});
