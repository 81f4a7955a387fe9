import { RouteLink } from './RouteLink';

/**
 * A keyset-paged list's links: back to its first page and on to the next. Plain links in a
 * labelled `nav`, so paging works without JavaScript; nothing when the list has one page.
 */
export function Pager({
  label,
  first,
  next,
  firstLabel,
  nextLabel,
}: {
  /** The accessible name of the `nav`; unique on the page when it has more than one pager. */
  label: string;
  /** The first page's URL, or null on the first page. */
  first: string | null;
  /** The next page's URL, or null on the last page. */
  next: string | null;
  firstLabel: string;
  nextLabel: string;
}) {
  if (!first && !next) return null;
  return (
    <nav aria-label={label} className="sp-row">
      {first && <RouteLink to={first}>{firstLabel}</RouteLink>}
      {next && <RouteLink to={next}>{nextLabel}</RouteLink>}
    </nav>
  );
}
