import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { data } from 'react-router';
import { hasRole } from '../features/auth/domain/roles';
import { msg } from '../i18n';
import { pageTitle } from '../lib/form';
import type { Route } from './+types/admin';
import { RouteLink } from '../ui/RouteLink';

/** GET /admin: the trust's settings, for administrators and decision makers. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  if (!hasRole(actor, 'trustAdmin') && !hasRole(actor, 'decisionMaker')) {
    throw data(null, { status: 403 });
  }
  return { trustName: actor.trustName, trustAdmin: hasRole(actor, 'trustAdmin') };
}

const LINKS = [
  { to: '/admin/vedtakstekster', label: 'phrasesLink', help: 'phrasesLinkHelp' },
  { to: '/admin/frister', label: 'deadlinesLink', help: 'deadlinesLinkHelp' },
  { to: '/admin/kohort', label: 'cohortLink', help: 'cohortLinkHelp' },
] as const;

/** The administrator's own pages (the decision maker does not see them): people, units, the log. */
const ADMIN_LINKS = [
  { to: '/admin/brukere', label: msg.trustAdmin.usersLink, help: msg.trustAdmin.usersLinkHelp },
  {
    to: '/admin/avdelinger',
    label: msg.trustAdmin.departmentsLink,
    help: msg.trustAdmin.departmentsLinkHelp,
  },
  { to: '/admin/veiledning', label: msg.guidanceAdmin.link, help: msg.guidanceAdmin.linkHelp },
  { to: '/admin/tilgangslogg', label: msg.accessLog.adminLink, help: msg.accessLog.adminLinkHelp },
];

export default function AdminPage({ loaderData }: Route.ComponentProps) {
  const t = msg.decisionModule.phrases;
  return (
    <div className="sp-stack">
      <title>{pageTitle(msg.app.admin, msg.app.name)}</title>
      <Heading level={1} data-size="lg">
        {msg.app.admin}
      </Heading>
      <Paragraph>{t.adminIntro(loaderData.trustName)}</Paragraph>
      <ul className="sp-grid sp-plain-list">
        {LINKS.map((link) => (
          <li key={link.to}>
            <Card>
              <Heading level={2} data-size="xs">
                <RouteLink to={link.to}>{t[link.label]}</RouteLink>
              </Heading>
              <Paragraph data-size="sm">{t[link.help]}</Paragraph>
            </Card>
          </li>
        ))}
        {loaderData.trustAdmin &&
          ADMIN_LINKS.map((link) => (
            <li key={link.to}>
              <Card>
                <Heading level={2} data-size="xs">
                  <RouteLink to={link.to}>{link.label}</RouteLink>
                </Heading>
                <Paragraph data-size="sm">{link.help}</Paragraph>
              </Card>
            </li>
          ))}
      </ul>
    </div>
  );
}
