import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../i18n';
import type { CriteriaRatings } from '../domain/criteria';
import { RatingsTable } from './RatingsTable';

/**
 * Why the person's worksheet was not saved: they saved it elsewhere (another tab or window) after
 * this page was shown. What is stored now stands beside the form, which still holds what they
 * filled in, so they can choose what to keep and save again.
 */
export function WorksheetConflict({
  stored,
}: {
  /** The worksheet as stored now; null until the page's data has been read again. */
  stored: { ratings: CriteriaRatings; updatedAt: Date } | null;
}) {
  const t = msg.assessment;
  return (
    <Alert data-color="warning">
      <div className="sp-stack">
        <Heading level={4} data-size="xs">
          {t.worksheetConflictTitle}
        </Heading>
        <Paragraph>{t.worksheetConflict}</Paragraph>
        {stored && (
          <RatingsTable
            caption={t.worksheetStoredNow}
            columns={[
              {
                key: 'stored',
                heading: t.worksheetStoredAt(msg.dateTime(new Date(stored.updatedAt))),
                ratings: stored.ratings,
              },
            ]}
          />
        )}
      </div>
    </Alert>
  );
}
