import { describe, expect, it } from 'vitest';
import type { CaseRole } from '../../auth/domain/roles';
import { STATUSES, type Status } from '../../cases/domain/workflow';
import {
  attachmentOrigin,
  attachmentWriter,
  mayRemove,
  type AttachmentOrigin,
  type AttachmentScope,
} from './rules';

const WRITING: Partial<Record<Status, AttachmentScope>> = {
  draft: 'application',
  returned: 'application',
  awaitingInformation: 'answer',
};

describe('attachmentWriter', () => {
  // Every status: the applicant and co-authors write the application while it may be edited and
  // their answer while the case awaits information; in every other status nobody adds or removes.
  const writers = STATUSES.flatMap((status) =>
    (['applicant', 'coAuthor'] as const).map((role): [CaseRole, Status] => [role, status]),
  );
  it.each(writers)('%s in %s', (role, status) => {
    const scope = WRITING[status];
    expect(attachmentWriter([role], status)).toEqual(scope ? { role, scope } : null);
  });

  it.each([
    // Those who judge or read the case never add to it, not even to the answer.
    [['decisionMaker'], 'awaitingInformation', null],
    [['assessor'], 'awaitingInformation', null],
    [['endorser'], 'awaitingInformation', null],
    [['delegator', 'collaborator'], 'awaitingInformation', null],
    [['consultant'], 'awaitingInformation', null],
    [['decisionMaker'], 'returned', null],
    [[], 'awaitingInformation', null],
    // A writer who also holds other roles adds as the writer.
    [['decisionMaker', 'applicant'], 'awaitingInformation', { role: 'applicant', scope: 'answer' }],
    [['endorser', 'coAuthor'], 'awaitingInformation', { role: 'coAuthor', scope: 'answer' }],
    [['applicant', 'coAuthor'], 'draft', { role: 'applicant', scope: 'application' }],
  ] as [CaseRole[], Status, ReturnType<typeof attachmentWriter>][])(
    '%j in %s → %j',
    (roles, status, writer) => {
      expect(attachmentWriter(roles, status)).toEqual(writer);
    },
  );
});

describe('attachmentOrigin', () => {
  const at = new Date('2026-12-06T10:00:00Z');
  it.each([
    [null, { kind: 'application' }],
    [{ endedBy: null, endedAt: null }, { kind: 'pendingAnswer' }],
    [
      { endedBy: 'provideInformation', endedAt: at },
      { kind: 'answer', answeredAt: at },
    ],
    [{ endedBy: 'withdraw', endedAt: at }, { kind: 'unsentAnswer' }],
  ] as [Parameters<typeof attachmentOrigin>[0], AttachmentOrigin][])('%j → %j', (wait, origin) => {
    expect(attachmentOrigin(wait)).toEqual(origin);
  });
});

describe('mayRemove', () => {
  const sent: AttachmentOrigin = { kind: 'answer', answeredAt: new Date() };
  it.each([
    // The edit page: what came with the application, never what was sent with an answer.
    ['application', { kind: 'application' }, true],
    ['application', sent, false],
    ['application', { kind: 'unsentAnswer' }, false],
    // The answer form: only what was added since the request, before the answer is sent.
    ['answer', { kind: 'pendingAnswer' }, true],
    ['answer', { kind: 'application' }, false],
    ['answer', sent, false],
  ] as [AttachmentScope, AttachmentOrigin, boolean][])('%s, %j → %s', (scope, origin, may) => {
    expect(mayRemove(scope, origin)).toBe(may);
  });
});
