import { Tag } from '@digdir/designsystemet-react';
import { msg } from '../../../i18n';

/**
 * A case registered after the fact (etterregistrert): beside a case page's heading, or small and
 * outlined in a table row (the national overview, the trust's register), one look everywhere.
 */
export function RetrospectiveTag({ inTable = false }: { inTable?: boolean }) {
  return inTable ? (
    <Tag data-color="info" data-size="sm" variant="outline">
      {msg.retrospectiveTag}
    </Tag>
  ) : (
    <Tag data-color="info">{msg.retrospectiveTag}</Tag>
  );
}
