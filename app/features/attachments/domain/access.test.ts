import { describe, expect, it } from 'vitest';
import type { Role } from '../../auth/domain/roles';
import type { Status } from '../../cases/domain/workflow';
import { attachmentEditorRole } from './access';
import { attachmentFlags, attachmentQuery } from './errors';

describe('attachmentEditorRole', () => {
  it.each<[Role[], Status, Role | null]>([
    [['applicant'], 'draft', 'applicant'],
    [['applicant'], 'returned', 'applicant'],
    [['coAuthor'], 'draft', 'coAuthor'],
    [['applicant', 'endorser'], 'returned', 'applicant'],
    [['applicant'], 'submitted', null],
    [['applicant'], 'decided', null],
    [['applicant'], 'withdrawn', null],
    [['endorser'], 'returned', null],
    [['decisionMaker', 'assessor'], 'returned', null],
    [[], 'draft', null],
  ])('%j on a %s case → %s', (roles, status, expected) => {
    expect(attachmentEditorRole(roles, status)).toBe(expected);
  });
});

describe('attachmentFlags', () => {
  it.each([
    [attachmentQuery({ done: 'added' }), { done: 'added', error: null }],
    [attachmentQuery({ error: 'tooLarge' }), { done: null, error: 'tooLarge' }],
    ['?vedleggfeil=<script>&vedlegg=hacked', { done: null, error: null }],
    ['', { done: null, error: null }],
  ])('%j', (query, expected) => {
    expect(attachmentFlags(new URLSearchParams(query))).toEqual(expected);
  });
});
