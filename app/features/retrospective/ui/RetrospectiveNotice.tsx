import { Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../i18n';
import type { RetrospectiveNote } from '../retrospective.server';
import { RetrospectiveTag } from './RetrospectiveTag';

/** On the case page: the case was registered after the fact (etterregistrert), when and by whom. */
export function RetrospectiveNotice({ note }: { note: RetrospectiveNote | null }) {
  if (!note) return null;
  return (
    <div className="sp-row">
      <RetrospectiveTag />
      <Paragraph>
        {msg.case.retrospectiveNote(
          msg.dateTime(new Date(note.registeredAt)),
          note.registeredBy,
          note.reference,
        )}
      </Paragraph>
    </div>
  );
}
