import type { Server } from 'node:http';

/** How long the app keeps an idle keep-alive connection open (Node's default is 5 s). */
const KEEP_ALIVE_MS = 65_000;

/**
 * Idle keep-alive connections are closed by the client in front of the app, not by the app: a load
 * balancer or proxy keeps idle connections for about 60 s, an HTTP client as long as it likes. When
 * the app closed first after Node's 5 s, a request the client sent on a connection just as it closed
 * was reset (ECONNRESET; a 502 behind a proxy). Node requires the headers timeout to be longer.
 */
export function keepConnectionsAlive(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
}
