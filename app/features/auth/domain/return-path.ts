/**
 * Where the login sends a user back to: the page they were on when the login page asked them to
 * log in (a session that ended, a link opened while logged out). Only a path on this site; never
 * the start page (the default anyway), the login pages themselves, or the JSON API.
 */

/** The login page's query parameter naming the page to return to. */
export const RETURN_PARAM = 'tilbake';

const LOGIN_PATH = '/logg-inn';
const MAX_LENGTH = 2000;

/**
 * `value` when it is a path on this site to send a user back to after login, else null. A path
 * starts with one `/` (`//host` and `/\host` name another site in a browser), has no control
 * characters, and is not the start page, a login or logout page, or the API.
 */
export function safeReturnPath(value: string | null | undefined): string | null {
  if (!value || value.length > MAX_LENGTH) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/[\u0000-\u001f\u007f]/.test(value)) return null;
  const path = value.split(/[?#]/, 1)[0] ?? '';
  if (path === '/' || path === '') return null;
  if (path === LOGIN_PATH || path.startsWith(`${LOGIN_PATH}/`)) return null;
  if (path === '/logg-ut' || path === '/api' || path.startsWith('/api/')) return null;
  return value;
}

/** `path`, asked to send the user on to `returnTo` (when that is a safe path). */
export function withReturnPath(path: string, returnTo: string | null | undefined): string {
  const safe = safeReturnPath(returnTo);
  return safe ? `${path}?${new URLSearchParams({ [RETURN_PARAM]: safe })}` : path;
}

/** The login page, asked to send the user back to `returnTo` (when that is a safe path). */
export const loginPath = (returnTo: string | null | undefined) =>
  withReturnPath(LOGIN_PATH, returnTo);

/**
 * The page a request came from, to return to after login: the requested page itself for a GET
 * (or HEAD), else the page its form was on: the Referer when it is this site's, or else (the app
 * sends `Referrer-Policy: no-referrer`, so browsers send none) the path the form posted to, which
 * is the page's own unless the form names another action (a resource route that only takes posts
 * names its page to `requireActor` instead). React Router's data requests (`/saker/3f1c.data?_routes=…`) are
 * the page they load for. Null when there is none.
 */
export function returnPathOf(method: string, url: URL, referer: string | null): string | null {
  if (method === 'GET' || method === 'HEAD') return safeReturnPath(pageOf(url, true));
  if (referer && URL.canParse(referer)) {
    const from = new URL(referer);
    if (from.origin === url.origin) return safeReturnPath(pageOf(from, true));
  }
  return safeReturnPath(pageOf(url, false));
}

/**
 * The address a request went to as a page or a form's action has it: without React Router's
 * `.data` suffix and parameters (a form posted with JavaScript goes to `/saker/3f1c/meldinger.data`).
 */
export const pageAddress = (url: URL): string => pageOf(url, true);

/** React Router's own query parameters, never part of a page's address. */
const ROUTER_PARAMS = ['index', '_routes'];

/** The page `url` is for: without React Router's `.data` suffix and parameters. */
function pageOf(url: URL, withQuery: boolean): string {
  const path = url.pathname.endsWith('.data')
    ? url.pathname.slice(0, -'.data'.length).replace(/\/_root$/, '/')
    : url.pathname;
  if (!withQuery) return path;
  const query = new URLSearchParams(url.search);
  for (const param of ROUTER_PARAMS) query.delete(param);
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}
