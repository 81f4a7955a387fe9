import { Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../i18n';

export interface PageSection {
  /** The id of the section's heading. */
  id: string;
  title: string;
}

/**
 * A long page's own table of contents: plain links to its sections' headings, in page order (a
 * jump within the page, with or without JavaScript).
 */
export function PageContents({ sections }: { sections: readonly PageSection[] }) {
  return (
    <nav aria-labelledby="page-contents" className="sp-row">
      <Paragraph data-size="sm" id="page-contents">
        {msg.app.onThisPage}
      </Paragraph>
      <ul className="sp-row sp-plain-list">
        {sections.map((section) => (
          <li key={section.id}>
            <Link href={`#${section.id}`}>{section.title}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
