import { data, redirect } from 'react-router';
import { caseErrorData } from '../../lib/case-errors.server';
import { formTexts, formText } from '../../lib/form';
import type { Actor } from '../auth/domain/roles';
import type { Db } from '../../db/database.server';
import { saveDraft, transition } from './cases.server';
import { draftSchema, fieldErrors } from './domain/application';
import { CaseError } from './domain/errors';
import { APPLICATION_FIELDS } from './ui/ApplicationForm';

/**
 * The application form's post, shared by "new" and "edit": save the draft (nothing typed is
 * lost), then, for «Send inn», submit it. A submission that is incomplete leaves the saved draft
 * and shows what is missing.
 */
export async function applicationAction(db: Db, actor: Actor, form: FormData) {
  const values = formTexts(form, APPLICATION_FIELDS);
  const caseId = formText(form, 'caseId');
  const target = caseId ? { caseId, version: Number(formText(form, 'version')) } : undefined;
  const parsed = draftSchema.safeParse(values);
  if (!parsed.success) {
    return data({ problem: null, fieldErrors: fieldErrors(parsed.error), values }, { status: 400 });
  }
  let saved: Awaited<ReturnType<typeof saveDraft>>;
  try {
    saved = await saveDraft(db, actor, parsed.data, target);
  } catch (error) {
    return caseErrorData(error, values);
  }
  const editUrl = `/saker/${saved.id}/rediger`;
  if (formText(form, 'intent') !== 'submit') return redirect(`${editUrl}?lagret=1`);
  try {
    await transition(db, actor, {
      caseId: saved.id,
      version: saved.version,
      event: saved.status === 'returned' ? 'resubmit' : 'submit',
    });
  } catch (error) {
    // The draft is saved; the edit page shows what is missing before it can be sent.
    if (error instanceof CaseError && error.code === 'invalid')
      return redirect(`${editUrl}?send=1`);
    return caseErrorData(error, values);
  }
  return redirect(`/saker/${saved.id}?utfort=submit`);
}
