import { Link, type LinkProps } from 'react-router';

/**
 * Designsystemet's link to a route of the app, the one way the app links to its routes: the same
 * `<a class="ds-link">` as `<Link asChild><RouterLink …/></Link>`, without the Slot that `asChild`
 * clones the router's link through (props merged and the element cloned once per link; it
 * counted on pages with many links, such as the lists of «Mine saker», issue #7).
 */
export function RouteLink(props: Omit<LinkProps, 'className'>) {
  return <Link {...props} className="ds-link" />;
}
