import { Button, Heading, Link, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import {
  Form,
  isRouteErrorResponse,
  Link as RouterLink,
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
import { canRegisterRetrospective } from './features/retrospective/domain/access';
import { unreadForPage } from './features/notifications/http.server';
import { msg } from './i18n';
import { useNonce } from './ui/nonce';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: stylesheet }];

export async function loader({ request, context }: Route.LoaderArgs) {
  // The session, then the header's unread count in the actor's trust; the page's loader goes on as
  // soon as the session is read.
  const header = context.auth.readActorWith(request, (tx, actor) =>
    unreadForPage(tx, actor, request),
  );
  const unread = await header.value;
  const actor = await header.actor;
  return {
    user: actor
      ? {
          name: actor.name,
          trustName: actor.trustName,
          canApply: hasRole(actor, 'applicant'),
          canAdminister: hasRole(actor, 'trustAdmin') || hasRole(actor, 'decisionMaker'),
          // Registers list cases the user works; a national reader alone has none.
          hasRegister: (
            ['applicant', 'coAuthor', 'endorser', 'decisionMaker', 'assessor'] as const
          ).some((role) => hasRole(actor, role)),
          canRegisterRetrospective: canRegisterRetrospective(actor),
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
            <Link asChild>
              <RouterLink to="/">
                <strong>{msg.app.name}</strong>
              </RouterLink>
            </Link>
            {user && (
              <nav aria-label={msg.app.mainNav} className="sp-nav">
                <Link asChild>
                  <RouterLink to="/">{msg.app.myCases}</RouterLink>
                </Link>
                {user.canApply && (
                  <Link asChild>
                    <RouterLink to="/saker/ny">{msg.app.newApplication}</RouterLink>
                  </Link>
                )}
                {user.hasRegister && (
                  <Link asChild>
                    <RouterLink to="/register">{msg.national.register.navLink}</RouterLink>
                  </Link>
                )}
                <Link asChild>
                  <RouterLink to="/nasjonalt">{msg.national.navLink}</RouterLink>
                </Link>
                {user.canAdminister && (
                  <Link asChild>
                    <RouterLink to="/admin">{msg.decisionModule.phrases.adminTitle}</RouterLink>
                  </Link>
                )}
                {user.canRegisterRetrospective && (
                  <Link asChild>
                    <RouterLink to="/etterregistrering">{msg.retrospective.navLink}</RouterLink>
                  </Link>
                )}
                <Link asChild>
                  <RouterLink to="/statistikk">{msg.statistics.navLink}</RouterLink>
                </Link>
                <Link asChild>
                  <RouterLink to="/varsler">{msg.notifications.navLink(user.unread)}</RouterLink>
                </Link>
                <Paragraph data-size="sm">
                  {msg.app.signedInAs(user.name, user.trustName)}
                </Paragraph>
                <Form method="post" action="/logg-ut">
                  <Button type="submit" variant="tertiary" data-size="sm">
                    {msg.app.logout}
                  </Button>
                </Form>
              </nav>
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
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, body] =
    status === 404
      ? [msg.problems.notFoundPage, msg.problems.notFound]
      : status === 403
        ? [msg.problems.forbiddenPage, msg.problems.forbidden]
        : status === 503
          ? [msg.security.unavailableTitle, msg.security.unavailableBody]
          : status === 400
            ? [msg.security.badRequestTitle, msg.security.unreadableForm]
            : [msg.problems.genericError, msg.problems.genericErrorBody];
  return (
    <div className="sp-stack">
      <title>{`${title} – ${msg.app.name}`}</title>
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      <Paragraph>{body}</Paragraph>
      <Link asChild>
        <RouterLink to="/">{msg.app.myCases}</RouterLink>
      </Link>
    </div>
  );
}
