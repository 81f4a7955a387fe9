import type { ReactNode } from 'react';
import { msg } from '../i18n';

/**
 * A wide table's own horizontal scroll area, so the page itself reflows at 320 px (WCAG 1.4.10):
 * a named region that takes keyboard focus, so keyboard users can scroll it too.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      className="sp-table-scroll"
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
