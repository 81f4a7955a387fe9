import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * After a navigation in the browser (a followed link, a form that redirected) the element that had
 * focus is gone or sits in the header: focus moves to the new page's h1, so keyboard and screen
 * reader users start at the top of the new content (WCAG 2.4.3). Left alone are in-page links
 * (`#…` naming an element on the page) and focus something on the page took itself (an error
 * summary, a linked field). A fragment naming nothing counts as none: a refused post with only a
 * problem to show lands on a form's `#…-errors` (`actionToSummary`), which is not shown then.
 */
export function useFocusAfterNavigation(): void {
  const { key, hash } = useLocation();
  const previous = useRef(key);
  useEffect(() => {
    if (previous.current === key) return;
    previous.current = key;
    if (hash && document.getElementById(hash.slice(1))) return;
    const active = document.activeElement;
    const lost = !active || active === document.body || !active.isConnected;
    if (!lost && !active.closest('header')) return;
    const heading = document.querySelector<HTMLElement>('main h1');
    if (!heading) return;
    heading.tabIndex = -1;
    // Scrolling is ScrollRestoration's: the top for a new page, where it was for Back.
    heading.focus({ preventScroll: true });
  }, [key, hash]);
}
