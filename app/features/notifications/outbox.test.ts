import { describe, expect, it } from 'vitest';
import { msg } from '../../i18n';
import { composeMail } from './outbox.server';

const URL = 'https://soknad.test';
const CASE_ID = '00000000-0000-4000-8000-000000000001';

describe('composeMail', () => {
  it('names and links the case of a notice its recipient can open', () => {
    const mail = composeMail(
      { kind: 'messagePosted', caseId: CASE_ID, caseNumber: 'HBE-2026-00007', email: 'a@b.test' },
      URL,
    );
    expect(mail.to).toBe('a@b.test');
    expect(mail.subject).toBe('Ny hendelse i sak HBE-2026-00007');
    expect(mail.text).toContain(`Logg inn for å se saken: ${URL}/saker/${CASE_ID}`);
    expect(mail.text).toContain('Det er en ny hendelse i sak HBE-2026-00007.');
  });

  it('names the case of a withdrawn consultation by its kept number, linking to the notifications', () => {
    const mail = composeMail(
      {
        kind: 'consultationWithdrawn',
        caseId: CASE_ID,
        caseNumber: 'HBE-2026-00007',
        email: 'knut@ous.test',
      },
      URL,
    );
    expect(mail.subject).toBe('Ny hendelse i sak HBE-2026-00007');
    expect(mail.text).toContain('Det er en ny hendelse i sak HBE-2026-00007.');
    expect(mail.text).toContain(msg.notifications.kinds.consultationWithdrawn);
    expect(mail.text).toContain(`Logg inn for å se varslene dine: ${URL}/varsler`);
    expect(mail.text).not.toContain('/saker/');
  });

  it('names the case of an inquiry by its kept number, linking to the inquiries', () => {
    for (const kind of ['inquiryReceived', 'inquiryAnswered', 'inquiryWithdrawn'] as const) {
      const mail = composeMail(
        { kind, caseId: null, caseNumber: 'HBE-2026-00007', email: 'aksel@ous.test' },
        URL,
      );
      expect(mail.subject).toBe('Ny hendelse i sak HBE-2026-00007');
      expect(mail.text).toContain(msg.notifications.kinds[kind]);
      expect(mail.text).toContain(`Logg inn for å lese: ${URL}/henvendelser`);
      expect(mail.text).not.toContain('/saker/');
      expect(mail.text).not.toContain('/varsler');
    }
  });
});

describe('otherTrustCase', () => {
  it.each([
    ['HBE-2026-00007', 'Sak HBE-2026-00007 i et annet helseforetak'],
    [null, 'Sak i et annet helseforetak'],
  ])('names a case the user cannot open by the number the notice kept (%s)', (number, text) => {
    expect(msg.notifications.otherTrustCase(number)).toBe(text);
  });
});
