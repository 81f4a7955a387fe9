import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant, type Database } from '../../db/database.server';
import { accessLog, attachmentContents, attachments } from '../../db/schema';
import { completeAnswers, demoActors } from '../../test/actors';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { minimalDocx, minimalPdf, minimalPng, windowsExecutable } from '../../test/files';
import type { Actor } from '../auth/domain/roles';
import { createDraft, transition } from '../cases/cases.server';
import {
  deleteAttachment,
  downloadAttachment,
  listAttachments,
  uploadAttachment,
  type AttachmentSettings,
} from './attachments.server';
import { AttachmentError } from './domain/errors';
import { DEFAULT_MAX_BYTES } from './domain/kinds';
import { databaseStorage, folderStorage, type AttachmentStoreKind } from './store.server';
import { databaseError, refusal } from '../../test/refusals';

const refuse = (promise: Promise<unknown>) => refusal(promise, AttachmentError);

const application = completeAnswers;

const STORES: AttachmentStoreKind[] = ['db', 'folder'];
const combinations = TEST_DATABASES.flatMap((database) =>
  STORES.map((store) => [database, store] as const),
);

describe.each(combinations)('attachments on %s, bytes in the %s store', (kind, storeKind) => {
  let database: Database;
  let hbe: Awaited<ReturnType<typeof demoActors>>;
  let ous: Awaited<ReturnType<typeof demoActors>>;
  const folder = mkdtempSync(join(tmpdir(), 'sp-attachments-'));
  const settings: AttachmentSettings = {
    storage: storeKind === 'db' ? databaseStorage() : folderStorage(folder),
    maxBytes: DEFAULT_MAX_BYTES,
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    hbe = await demoActors(database.db, 'HBE');
    ous = await demoActors(database.db, 'OUS');
  });
  afterAll(async () => {
    await database.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const db = () => database.db;
  const upload = (actor: Actor, caseId: string, fileName: string, bytes: Uint8Array) =>
    uploadAttachment(db(), settings, actor, { caseId, fileName, bytes });
  const download = (actor: Actor, caseId: string, attachmentId: string) =>
    downloadAttachment(db(), settings.storage, actor, caseId, attachmentId);
  const remove = (actor: Actor, caseId: string, attachmentId: string) =>
    deleteAttachment(db(), settings.storage, actor, caseId, attachmentId);
  const accessActions = async (caseId: string) =>
    (
      await db()
        .select({ userId: accessLog.userId, role: accessLog.role, action: accessLog.action })
        .from(accessLog)
        .where(and(eq(accessLog.caseId, caseId), like(accessLog.action, 'attachment-%')))
        .orderBy(accessLog.id)
    ).map((r) => [r.userId, r.role, r.action]);
  const storedFiles = () =>
    readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());

  const draft = () => createDraft(db(), hbe.applicant, application);
  async function submitted() {
    const d = await draft();
    const s = await transition(db(), hbe.applicant, {
      caseId: d.id,
      version: d.version,
      event: 'submit',
    });
    return { id: d.id, version: s.version };
  }

  it('lets the applicant add files to a draft; they are listed and downloaded as uploaded', async () => {
    const c = await draft();
    const pdf = minimalPdf();
    const added = await upload(hbe.applicant, c.id, 'C:\\fakepath\\Epikrise.PDF', pdf);
    expect(added).toMatchObject({
      fileName: 'Epikrise.pdf',
      kind: 'pdf',
      size: pdf.length,
      uploadedByName: hbe.applicant.name,
    });
    await upload(hbe.applicant, c.id, 'notat', minimalDocx());

    const list = await listAttachments(db(), hbe.applicant, c.id);
    expect(list.editable).toBe(true);
    expect(list.attachments.map((a) => [a.fileName, a.kind])).toEqual([
      ['Epikrise.pdf', 'pdf'],
      ['notat.docx', 'docx'],
    ]);
    expect(list.attachments[0]?.uploadedAt).toBeInstanceOf(Date);

    const file = await download(hbe.applicant, c.id, added.id);
    expect(file.fileName).toBe('Epikrise.pdf');
    expect(file.mimeType).toBe('application/pdf');
    expect(Buffer.from(file.bytes).equals(Buffer.from(pdf))).toBe(true);
  });

  it('writes every upload, download and removal to the access log in its transaction', async () => {
    const c = await submitted();
    const returned = await transition(db(), hbe.endorser, {
      caseId: c.id,
      version: c.version,
      event: 'returnToApplicant',
      reason: 'Legg ved siste epikrise.',
    });
    expect(returned.version).toBe(c.version + 1);
    const added = await upload(hbe.applicant, c.id, 'epikrise.pdf', minimalPdf());
    await download(hbe.applicant, c.id, added.id);
    await download(hbe.endorser, c.id, added.id);
    await remove(hbe.applicant, c.id, added.id);
    expect(await accessActions(c.id)).toEqual([
      [hbe.applicant.userId, 'applicant', 'attachment-upload'],
      [hbe.applicant.userId, 'applicant', 'attachment-download'],
      [hbe.endorser.userId, 'endorser', 'attachment-download'],
      [hbe.applicant.userId, 'applicant', 'attachment-delete'],
    ]);
  });

  it('lets those who work a submitted case read its attachments, and nobody change them', async () => {
    const d = await draft();
    const added = await upload(hbe.applicant, d.id, 'blodprøver.png', minimalPng());
    await transition(db(), hbe.applicant, { caseId: d.id, version: d.version, event: 'submit' });

    for (const reader of [hbe.applicant, hbe.endorser, hbe.decisionMaker, hbe.assessor]) {
      const list = await listAttachments(db(), reader, d.id);
      expect(list).toMatchObject({ editable: false, attachments: [{ id: added.id }] });
      expect((await download(reader, d.id, added.id)).mimeType).toBe('image/png');
    }
    expect(await refuse(upload(hbe.applicant, d.id, 'mer.pdf', minimalPdf()))).toBe('notEditable');
    expect(await refuse(upload(hbe.endorser, d.id, 'mer.pdf', minimalPdf()))).toBe('notEditable');
    expect(await refuse(remove(hbe.applicant, d.id, added.id))).toBe('notEditable');
    expect(await refuse(remove(hbe.decisionMaker, d.id, added.id))).toBe('notEditable');
    expect((await listAttachments(db(), hbe.applicant, d.id)).attachments).toHaveLength(1);
  });

  it('answers notFound to another trust and to colleagues who may not see the case', async () => {
    const c = await draft();
    const added = await upload(hbe.applicant, c.id, 'epikrise.pdf', minimalPdf());
    // A draft is the applicant's alone: the leader, director and co-author of the same trust do
    // not see it; nor does anyone in another trust.
    const outsiders = [
      hbe.endorser,
      hbe.decisionMaker,
      hbe.coAuthor,
      hbe.nationalReader,
      ous.applicant,
      ous.decisionMaker,
    ];
    for (const outsider of outsiders) {
      expect(await refuse(download(outsider, c.id, added.id))).toBe('notFound');
      expect(await refuse(listAttachments(db(), outsider, c.id))).toBe('notFound');
      expect(await refuse(upload(outsider, c.id, 'x.pdf', minimalPdf()))).toBe('notFound');
      expect(await refuse(remove(outsider, c.id, added.id))).toBe('notFound');
    }
    expect(await accessActions(c.id)).toEqual([
      [hbe.applicant.userId, 'applicant', 'attachment-upload'],
    ]);
  });

  it('answers notFound for an attachment of another case, or an id that is not one', async () => {
    const first = await draft();
    const second = await draft();
    const added = await upload(hbe.applicant, first.id, 'epikrise.pdf', minimalPdf());
    expect(await refuse(download(hbe.applicant, second.id, added.id))).toBe('notFound');
    expect(await refuse(remove(hbe.applicant, second.id, added.id))).toBe('notFound');
    expect(await refuse(download(hbe.applicant, first.id, 'not-a-uuid'))).toBe('notFound');
    expect(await refuse(download(hbe.applicant, 'not-a-uuid', added.id))).toBe('notFound');
  });

  it('refuses by content and stores nothing: an EXE named .pdf, an empty file, an oversized one', async () => {
    const c = await draft();
    const filesBefore = storedFiles().length;
    expect(await refuse(upload(hbe.applicant, c.id, 'epikrise.pdf', windowsExecutable()))).toBe(
      'typeNotAllowed',
    );
    expect(await refuse(upload(hbe.applicant, c.id, 'tom.pdf', new Uint8Array()))).toBe('empty');
    const small: AttachmentSettings = { ...settings, maxBytes: 100 };
    expect(
      await refuse(
        uploadAttachment(db(), small, hbe.applicant, {
          caseId: c.id,
          fileName: 'stor.pdf',
          bytes: minimalPdf(),
        }),
      ),
    ).toBe('tooLarge');
    expect((await listAttachments(db(), hbe.applicant, c.id)).attachments).toEqual([]);
    expect(storedFiles()).toHaveLength(filesBefore);
    expect(await accessActions(c.id)).toEqual([]);
  });

  it('removes an attachment and its bytes', async () => {
    const c = await draft();
    const added = await upload(hbe.applicant, c.id, 'feil pasient.pdf', minimalPdf());
    await remove(hbe.applicant, c.id, added.id);
    expect((await listAttachments(db(), hbe.applicant, c.id)).attachments).toEqual([]);
    expect(await refuse(download(hbe.applicant, c.id, added.id))).toBe('notFound');
    const contents = await db()
      .select({ n: count() })
      .from(attachmentContents)
      .where(eq(attachmentContents.key, added.id));
    expect(contents[0]?.n).toBe(0);
    expect(storedFiles().some((f) => f.name === added.id)).toBe(false);
  });

  it('keeps attachments of one trust invisible to another in the database itself', async () => {
    const c = await draft();
    const added = await upload(hbe.applicant, c.id, 'epikrise.pdf', minimalPdf());
    const seenByOus = await inTenant(db(), ous.applicant, async (tx) => ({
      metadata: await tx.select().from(attachments).where(eq(attachments.id, added.id)),
      contents: await tx.select().from(attachmentContents),
    }));
    expect(seenByOus).toEqual({ metadata: [], contents: [] });
  });

  it('never lets the application role change an attachment after upload', async () => {
    const c = await draft();
    const added = await upload(hbe.applicant, c.id, 'epikrise.pdf', minimalPdf());
    expect(
      await databaseError(
        inTenant(db(), hbe.applicant, (tx) =>
          tx.update(attachments).set({ fileName: 'annet.pdf' }).where(eq(attachments.id, added.id)),
        ),
      ),
    ).toMatch(/permission denied/);
    expect(
      await databaseError(
        inTenant(db(), hbe.applicant, (tx) =>
          tx.update(attachmentContents).set({ bytes: new Uint8Array([1]) }),
        ),
      ),
    ).toMatch(/permission denied/);
  });

  it.runIf(storeKind === 'folder')(
    'refuses to hand out bytes changed behind its back',
    async () => {
      const c = await draft();
      const added = await upload(hbe.applicant, c.id, 'epikrise.pdf', minimalPdf());
      writeFileSync(join(folder, hbe.applicant.trustId, added.id), minimalPng());
      await expect(download(hbe.applicant, c.id, added.id)).rejects.toThrow(/SHA-256/);
    },
  );
});
