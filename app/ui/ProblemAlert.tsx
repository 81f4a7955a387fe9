import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../i18n';

/** One text the user typed into a form that can no longer take it, with the field's label. */
export interface UnsavedText {
  label: string;
  text: string;
}

/**
 * Why a form post was refused, above the page's content. When the form can no longer be sent
 * (someone else got there first, the case moved on), what the user typed is shown below the
 * message under «Dette skrev du», read-only for copying: nothing typed is lost. Empty texts are
 * left out; pass no `unsaved` while the form still holds the text.
 */
export function ProblemAlert({
  message,
  unsaved = [],
}: {
  message: string;
  unsaved?: readonly UnsavedText[];
}) {
  const kept = unsaved.filter((u) => u.text.trim() !== '');
  return (
    <Alert data-color="danger">
      <Paragraph>{message}</Paragraph>
      {kept.length > 0 && (
        <div className="sp-stack">
          <Paragraph>{msg.case.unsavedText}</Paragraph>
          {kept.map((u, i) => (
            <div key={i} className="sp-stack">
              <Paragraph data-size="sm">
                <strong>{u.label}</strong>
              </Paragraph>
              <blockquote className="sp-quote">{u.text}</blockquote>
            </div>
          ))}
        </div>
      )}
    </Alert>
  );
}
