export const app = {
  name: 'Søknadsportal',
  tagline: 'Sykehusfinansiert legemiddelbehandling utenfor de ordinære ordningene',
  skipToContent: 'Hopp til hovedinnhold',
  mainNav: 'Hovedmeny',
  /** A long page's table of contents (app/ui/PageContents). */
  onThisPage: 'På denne siden:',
  myCases: 'Mine saker',
  newApplication: 'Ny søknad',
  /** The main menu's other links (the pages' own namespaces stay out of every page's bundle). */
  register: 'Register',
  national: 'Nasjonal oversikt',
  admin: 'Administrasjon',
  retrospective: 'Etterregistrering',
  statistics: 'Statistikk',
  inquiries: 'Henvendelser',
  notifications: (unread: number) => (unread > 0 ? `Varsler (${unread} uleste)` : 'Varsler'),
  logout: 'Logg ut',
  signedInAs: (name: string, trust: string) => `Innlogget som ${name}, ${trust}`,
  /** A person and the role they acted in (the role names may hold parentheses of their own). */
  personInRole: (name: string, role: string) => `${name}, ${role}`,
};
