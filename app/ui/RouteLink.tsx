import { useEffect, type ComponentPropsWithoutRef } from 'react';
import { useNavigate } from 'react-router';

export type RouteLinkProps = Omit<ComponentPropsWithoutRef<'a'>, 'href' | 'className'> & {
  /** A path of the app, from its root (`/saker/…`). */
  to: string;
};

/**
 * Designsystemet's link to a route of the app, the one way the app links to its routes: a plain
 * `<a class="ds-link" href>`, so it works before hydration and without JavaScript. After hydration
 * `useRouteLinks` (once, in the root) turns its plain left click into a navigation inside the app,
 * as React Router's `<Link>` does. Not `<Link>` itself: each `<Link>` runs five router hooks and
 * serialises the route matches twice while it renders (`useResolvedPath`, `useNavigate`), about
 * 9 µs a link on the server, which counted on pages with long lists, such as «Mine saker» with 60
 * rows (issue #7, docs/performance.md). `data-discover` lets the router fetch the target route's
 * manifest ahead of the click, as it does for its own links.
 *
 * The caller's other attributes (`aria-label`, `aria-current`) are spread after ours, not before:
 * props that begin with a spread of a rest object and then add properties got a hidden class of
 * their own on most renders in V8 (91 of 99 in a test), which made 50 labelled links cost 0.35–0.5 ms on the server
 * against 0.1 ms (docs/performance.md, "Sixteenth round"). The type keeps `href` and `className`
 * out of them, so the order changes no attribute.
 */
export function RouteLink({ to, children, ...rest }: RouteLinkProps) {
  return (
    <a href={to} className="ds-link" data-discover="true" data-route-link="" {...rest}>
      {children}
    </a>
  );
}

/** What `inAppPath` needs to know of a click. */
export interface LinkClick {
  button: number;
  metaKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  defaultPrevented: boolean;
}

/** What `inAppPath` needs to know of the clicked link. */
export interface ClickedLink {
  /** The link's resolved URL (`HTMLAnchorElement.href`). */
  href: string;
  target: string;
  download: boolean;
}

/**
 * The path to navigate to inside the app for a click on a route link, or null when the browser
 * should handle the click itself: React Router's rules for its own links (a plain left click, no
 * other target), and a link to another origin or a download is never the router's.
 */
export function inAppPath(click: LinkClick, link: ClickedLink, origin: string): string | null {
  if (click.defaultPrevented || click.button !== 0) return null;
  if (click.metaKey || click.altKey || click.ctrlKey || click.shiftKey) return null;
  if ((link.target && link.target !== '_self') || link.download) return null;
  const url = new URL(link.href);
  if (url.origin !== origin) return null;
  return url.pathname + url.search + url.hash;
}

/**
 * Follows the clicks on every `RouteLink` of the page inside the app (one listener on the
 * document, after React's own handlers, so a handler that prevents the default wins). As with
 * React Router's `<Link>`, a link to where the browser already is replaces the history entry.
 */
export function useRouteLinks(): void {
  const navigate = useNavigate();
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const anchor = event.target instanceof Element ? event.target.closest('a') : null;
      if (!anchor?.hasAttribute('data-route-link')) return;
      const path = inAppPath(
        event,
        { href: anchor.href, target: anchor.target, download: anchor.hasAttribute('download') },
        window.location.origin,
      );
      if (path === null) return;
      event.preventDefault();
      const here = window.location.pathname + window.location.search + window.location.hash;
      void navigate(path, { replace: path === here });
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, [navigate]);
}
