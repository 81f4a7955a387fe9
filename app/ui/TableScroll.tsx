import type { ReactNode } from 'react';
import { msg } from '../i18n';

/**
 * A wide table's own horizontal scroll area, so the page itself reflows at 320 px (WCAG 1.4.10):
 * a named region that takes keyboard focus, so keyboard users can scroll it too. `wide`: a table
 * of many columns gets the window's width rather than the text column's, with its first column
 * kept in view while the rest scrolls (app.css, .sp-table-scroll--wide).
 */
export function TableScroll({
  label,
  wide = false,
  children,
}: {
  label: string;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <div
      className={wide ? 'sp-table-scroll sp-table-scroll--wide' : 'sp-table-scroll'}
      role="region"
      aria-label={msg.ui.tableRegion(label)}
      // A scrollable region must be reachable by keyboard (axe: scrollable-region-focusable).
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
    >
      {children}
    </div>
  );
}
