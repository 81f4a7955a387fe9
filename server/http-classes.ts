import { IncomingMessage, ServerResponse, type ServerOptions } from 'node:http';
import type { Express } from 'express';

/**
 * Node's request and response classes for `http.createServer`, whose objects are made with the
 * app's Express prototypes (`app.request`, `app.response`) from the start.
 *
 * Express 5 changes the prototype of every request and response to its own (`app.handle`). On
 * Node 20, V8 then kept those objects, and everything they reach, through young-generation
 * collections until the next full one: a third of what a bare Express request allocated was
 * promoted, and its scavenges took 3-6 ms instead of 0.3. Made with those prototypes, Express's
 * `Object.setPrototypeOf` changes nothing (docs/performance.md, "Eleventh round").
 */
export function expressHttpClasses(app: Express): ServerOptions {
  // Node's own constructors are plain functions: each runs on the object `new` made (with the
  // prototype below) and with every argument Node passes (the response's options too).
  function AppRequest(this: IncomingMessage, ...args: unknown[]) {
    Reflect.apply(IncomingMessage, this, args);
  }
  AppRequest.prototype = app.request;
  function AppResponse(this: ServerResponse, ...args: unknown[]) {
    Reflect.apply(ServerResponse, this, args);
  }
  AppResponse.prototype = app.response;
  return {
    IncomingMessage: AppRequest as unknown as typeof IncomingMessage,
    ServerResponse: AppResponse as unknown as typeof ServerResponse,
  };
}
