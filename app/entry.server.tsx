import { renderToString } from 'react-dom/server';
import {
  ServerRouter,
  isRouteErrorResponse,
  type AppLoadContext,
  type EntryContext,
  type HandleErrorFunction,
} from 'react-router';
import { loggableError } from './lib/loggable-error.server';
import { NonceContext } from './ui/nonce';

/** How long React Router waits for a loader's promise in the data before it rejects it. */
export const streamTimeout = 5_000;

/**
 * No cache may keep a page or its data (a shared proxy, the browser's back/forward history on a
 * shared workstation): documents and data responses carry patient data for the signed-in user.
 * Static assets are served before React Router, with their own long cache.
 */
const NO_STORE = 'no-store';

/**
 * An error a loader, action or render did not expect. React Router's default logs it whole, and a
 * failed statement's error quotes its parameters (health data): it is logged with the request's
 * method and path (not its query, which holds searches and filters) as `loggableError` keeps it.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  // A path no route matches (a browser's /favicon.ico, a mistyped or probed address) is the
  // visitor's 404 page, not the server's error: no stack trace in the log for each one.
  if (isRouteErrorResponse(error) && error.status === 404) return;
  // React Router wraps some errors of its own in a route error response.
  const inner: unknown = isRouteErrorResponse(error) && 'error' in error ? error.error : undefined;
  const { pathname } = new URL(request.url);
  console.error(`${request.method} ${pathname}:`, loggableError(inner ?? error));
};

/** The data of a client-side navigation or form (`.data`): never stored, like the documents. */
export function handleDataRequest(response: Response): Response {
  response.headers.set('Cache-Control', NO_STORE);
  return response;
}

/**
 * React Router's default server entry, with four changes (ADR 0016):
 * - every document is `Cache-Control: no-store` (see `handleDataRequest` for the data);
 * - the per-request CSP nonce from the load context is given to React Router (`<ServerRouter>`)
 *   and, through NonceContext, to `<Scripts>` and `<ScrollRestoration>` in root.tsx, so the inline
 *   hydration scripts run under a strict policy;
 * - the loader data React Router hands over for hydration (`serverHandoffStream`) is read whole
 *   before the render and given to its `<StreamTransfer>` as already read (`renderMeta.streamCache`),
 *   so nothing suspends on the server;
 * - the document is rendered with `renderToString` and sent in one piece, handed to the server
 *   beside the Response where the server asks for it (`documentBodies`, server/request-handler.ts). The loaders have all
 *   settled before the render starts and no page suspends on the server, so streaming only cut the
 *   same HTML into thousands of pieces, each encoded into a buffer on its own: half of the render's
 *   time (docs/performance.md, "Rendering the document").
 * A render error throws, and React Router renders the route's error boundary in its place.
 */
export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: AppLoadContext,
) {
  responseHeaders.set('Cache-Control', NO_STORE);
  // https://httpwg.org/specs/rfc9110.html#HEAD
  if (request.method.toUpperCase() === 'HEAD') {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders });
  }
  const nonce = loadContext.cspNonce;
  const handoff = routerContext.serverHandoffStream;
  if (handoff) {
    // The whole stream (it ends once every promise in the data has settled or `streamTimeout`
    // has passed), as the one chunk `<StreamTransfer>` writes into its script, with its end.
    const value = await new Response(handoff).text();
    const read = Object.assign(Promise.resolve(), { result: { done: true, value } });
    routerContext.renderMeta = { ...routerContext.renderMeta, streamCache: { 0: read } };
    // `<ServerRouter>` takes a reader of the stream even though it will not read from it.
    routerContext.serverHandoffStream = new ReadableStream();
  }
  const html = renderToString(
    <NonceContext.Provider value={nonce}>
      <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
    </NonceContext.Provider>,
  );
  responseHeaders.set('Content-Type', 'text/html');
  // As bytes: a string body would first be scanned for lone surrogates (USVString), then encoded.
  const body = Buffer.from(`<!DOCTYPE html>${html}`);
  const init = { headers: responseHeaders, status: responseStatusCode };
  const documentBodies = loadContext.documentBodies;
  if (!documentBodies) return new Response(body, init);
  // Served by server/request-handler.ts: the bytes beside the Response, not in a body stream.
  const response = new Response(null, init);
  documentBodies.set(response, body);
  return response;
}
