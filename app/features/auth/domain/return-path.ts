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
 * (or HEAD), else the page its form was on (the Referer, when it is this site's). Null when there
 * is none.
 */
export function returnPathOf(method: string, url: URL, referer: string | null): string | null {
  if (method === 'GET' || method === 'HEAD') return safeReturnPath(url.pathname + url.search);
  if (!referer) return null;
  let from: URL;
  try {
    from = new URL(referer);
  } catch {
    return null;
  }
  return from.origin === url.origin ? safeReturnPath(from.pathname + from.search) : null;
}
