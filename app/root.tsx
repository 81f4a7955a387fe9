import { Button, Heading, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import {
  Form,
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  type ShouldRevalidateFunction,
  useRouteLoaderData,
} from 'react-router';
import type { Route } from './+types/root';
import stylesheet from './app.css?url';
import './context';
import './lib/zod-config';
import { hasRole } from './features/auth/domain/roles';
import { canSwitchTrust } from './features/auth/domain/trusts';
import { isLoggedOutPage, isNotFoundPost } from './features/auth/domain/logged-out-post';
import { ProblemAlert } from './ui/ProblemAlert';
import { LoggedOutPostPage } from './features/auth/ui/LoggedOutPostPage';
import { TrustSwitcher } from './features/auth/ui/TrustSwitcher';
import { canRegisterRetrospective } from './features/retrospective/domain/access';
import { asksInquiries } from './features/inquiries/domain/inquiry';
import { isProblem } from './features/cases/domain/errors';
import { unreadForPage } from './features/notifications/http.server';
import { msg } from './i18n';
import { useFocusAfterNavigation } from './ui/focus';
import { useNonce } from './ui/nonce';
import { RouteLink, useRouteLinks } from './ui/RouteLink';

export const links: Route.LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  // public/favicon.svg: the tab's icon, so a browser does not ask for /favicon.ico (a 404).
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  // The session, then the header's unread count in the actor's trust; the page's loader goes on as
  // soon as the session is read.
  const header = context.auth.readActorWith(request, (tx, actor) =>
    unreadForPage(tx, actor, request),
  );
  const unread = await header.value;
  const actor = await header.actor;
  // Signed in with roles in several trusts but none chosen yet: only the name and «Logg ut».
  const choosing = actor ? null : await context.auth.getSignedIn(request);
  return {
    choosing: choosing ? { name: choosing.name } : null,
    user: actor
      ? {
          name: actor.name,
          trustId: actor.trustId,
          trustName: actor.trustName,
          // The switcher, only for a user who may act in more than one trust (ADR 0026).
          trusts: canSwitchTrust(actor.trusts) ? actor.trusts : [],
          canApply: hasRole(actor, 'applicant'),
          canAdminister: hasRole(actor, 'trustAdmin') || hasRole(actor, 'decisionMaker'),
          // Registers list cases the user works; a national reader alone has none.
          hasRegister: (
            ['applicant', 'coAuthor', 'endorser', 'decisionMaker', 'assessor'] as const
          ).some((role) => hasRole(actor, role)),
          canRegisterRetrospective: canRegisterRetrospective(actor),
          // Inquiries about national cases: whoever asks (the directors also answer there).
          hasInquiries: asksInquiries(actor),
          unread: unread ?? 0,
        }
      : null,
  };
}

/** The unread count in the header changes as pages are opened: reload it on every new page. */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  currentUrl,
  nextUrl,
  defaultShouldRevalidate,
}) => defaultShouldRevalidate || currentUrl.pathname !== nextUrl.pathname;

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root');
  const user = data?.user ?? null;
  const choosing = data?.choosing ?? null;
  const nonce = useNonce();
  return (
    <html lang="nb">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <SkipLink href="#main">{msg.app.skipToContent}</SkipLink>
        <header className="sp-header">
          <div className="sp-header__inner">
            <RouteLink to="/">
              <strong>{msg.app.name}</strong>
            </RouteLink>
            {user && (
              // Who is signed in, the trust switcher and «Logg ut»: beside the name, as one group.
              <div className="sp-header__user">
                <Paragraph data-size="sm">
                  {msg.app.signedInAs(user.name, user.trustName)}
                </Paragraph>
                {user.trusts.length > 0 && (
                  <TrustSwitcher trusts={user.trusts} current={user.trustId} />
                )}
                <Form method="post" action="/logg-ut">
                  <Button type="submit" variant="tertiary" data-size="sm">
                    {msg.app.logout}
                  </Button>
                </Form>
              </div>
            )}
            {user && (
              <nav aria-label={msg.app.mainNav} className="sp-nav">
                <RouteLink to="/">{msg.app.myCases}</RouteLink>
                {user.canApply && <RouteLink to="/saker/ny">{msg.app.newApplication}</RouteLink>}
                {user.hasRegister && <RouteLink to="/register">{msg.app.register}</RouteLink>}
                <RouteLink to="/nasjonalt">{msg.app.national}</RouteLink>
                {user.canAdminister && <RouteLink to="/admin">{msg.app.admin}</RouteLink>}
                {user.canRegisterRetrospective && (
                  <RouteLink to="/etterregistrering">{msg.app.retrospective}</RouteLink>
                )}
                <RouteLink to="/statistikk">{msg.app.statistics}</RouteLink>
                {user.hasInquiries && <RouteLink to="/henvendelser">{msg.app.inquiries}</RouteLink>}
                <RouteLink to="/varsler">{msg.app.notifications(user.unread)}</RouteLink>
              </nav>
            )}
            {choosing && (
              <div className="sp-header__user">
                <Paragraph data-size="sm">{msg.trustChoice.signedInAs(choosing.name)}</Paragraph>
                <Form method="post" action="/logg-ut">
                  <Button type="submit" variant="tertiary" data-size="sm">
                    {msg.app.logout}
                  </Button>
                </Form>
              </div>
            )}
          </div>
        </header>
        <main id="main" className="sp-main" tabIndex={-1}>
          {children}
        </main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useFocusAfterNavigation();
  // On an error page (ErrorBoundary) the links load their page whole, which is the way out.
  useRouteLinks();
  return <Outlet />;
}

/**
 * Why a 403 was refused, when the route said: its own Norwegian text (`{ message }`), or a problem
 * of the message catalogue (`{ problem }`, `loadCase`). A route that says nothing refused the page
 * itself for the user's roles.
 */
function forbiddenText(error: unknown): string {
  const data: unknown = isRouteErrorResponse(error) ? error.data : null;
  if (data && typeof data === 'object') {
    if ('message' in data && typeof data.message === 'string') return data.message;
    if ('problem' in data && isProblem(data.problem)) return msg.problems[data.problem];
  }
  return msg.problems.forbiddenPageBody;
}

/**
 * A 404 of React Router's own: no route matches the address. Its data is its message as a string
 * (also after hydration, which drops its `internal` flag); the routes' own 404s (a case not found)
 * carry null or an object.
 */
function isUnknownAddress(error: unknown): boolean {
  return isRouteErrorResponse(error) && typeof error.data === 'string';
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // A form posted after the session ended: what was typed, to send again (ADR 0036).
  if (status === 401 && isRouteErrorResponse(error) && isLoggedOutPage(error.data)) {
    return <LoggedOutPostPage post={error.data} />;
  }
  const [title, body] =
    status === 404
      ? [
          msg.problems.notFoundPage,
          isUnknownAddress(error) ? msg.problems.unknownAddress : msg.problems.notFound,
        ]
      : status === 403
        ? [msg.problems.forbiddenPage, forbiddenText(error)]
        : status === 503
          ? [msg.security.unavailableTitle, msg.security.unavailableBody]
          : status === 400
            ? [msg.security.badRequestTitle, msg.security.unreadableForm]
            : [msg.problems.genericError, msg.problems.genericErrorBody];
  // A form post to a case no longer the user's to see: what was typed, to copy.
  const typed =
    status === 404 && isRouteErrorResponse(error) && isNotFoundPost(error.data)
      ? error.data.typed
      : [];
  return (
    <div className="sp-stack">
      <title>{`${title} – ${msg.app.name}`}</title>
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      {typed.length > 0 ? (
        <ProblemAlert
          message={body}
          unsaved={typed.map((t) => ({ label: msg.loggedOut.fields[t.name], text: t.text }))}
        />
      ) : (
        <Paragraph>{body}</Paragraph>
      )}
      <RouteLink to="/">{msg.app.myCases}</RouteLink>
    </div>
  );
}
