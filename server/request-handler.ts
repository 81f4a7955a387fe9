import type { Request as ExpressRequest, Response as ExpressResponse, NextFunction } from 'express';
import {
  createReadableStreamFromReadable,
  writeReadableStreamToWritable,
} from '@react-router/node';
import { createRequestHandler as createRouterHandler, type ServerBuild } from 'react-router';
import type { AppLoadContext } from 'react-router';

/**
 * React Router on Express: `@react-router/express`'s handler (7.18), with one difference. A
 * document rendered by app/entry.server.tsx is handed over as its bytes beside the `Response`
 * (`documentBodies`, through the load context) and sent with one `res.end`, instead of being read
 * back out of the `Response`'s body stream and written chunked. On Node 20 each web stream is
 * costly to make and to read (docs/performance.md, "Sixteenth round"). Every other response
 * (data requests, resource routes, redirects) goes through its body stream as before.
 */
export function createRequestHandler({
  build,
  getLoadContext,
}: {
  build: ServerBuild | (() => Promise<ServerBuild>);
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
}) {
  const handle = createRouterHandler(build, process.env.NODE_ENV);
  const documentBodies = new WeakMap<Response, Uint8Array>();
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const context = { ...getLoadContext(req, res), documentBodies };
      const response = await handle(toFetchRequest(req, res), context);
      await send(res, response, documentBodies.get(response));
    } catch (error) {
      next(error);
    }
  };
}

/** The Fetch `Request` React Router reads, as `@react-router/express` builds it. */
function toFetchRequest(req: ExpressRequest, res: ExpressResponse): Request {
  const [, forwardedPort] = req.app.enabled('trust proxy')
    ? (req.get('X-Forwarded-Host')?.split(':') ?? [])
    : [];
  const [, hostPort] = req.get('host')?.split(':') ?? [];
  const port = [forwardedPort, hostPort]
    .map((p) => Number.parseInt(p ?? '', 10))
    .find((p) => Number.isSafeInteger(p));
  const hostname = req.hostname.split(/[\\/?#@]/)[0] || 'localhost';
  const url = new URL(`${req.protocol}://${hostname}${port ? `:${port}` : ''}${req.originalUrl}`);

  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    if (Array.isArray(values)) for (const value of values) headers.append(key, value);
    else if (values) headers.set(key, values);
  }
  // A request whose client went away is aborted, so that its loaders can stop.
  let controller: AbortController | null = new AbortController();
  res.on('finish', () => (controller = null));
  res.on('close', () => controller?.abort());
  const init: RequestInit & { duplex?: 'half' } = {
    method: req.method,
    headers,
    signal: controller.signal,
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    init.body = createReadableStreamFromReadable(req);
    init.duplex = 'half';
  }
  return new Request(url.href, init);
}

async function send(res: ExpressResponse, response: Response, document: Uint8Array | undefined) {
  if (isClosed(res)) {
    await response.body?.cancel();
    return;
  }
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers) res.append(key, value);
  if (document) {
    res.end(document);
  } else if (response.body) {
    try {
      await writeReadableStreamToWritable(response.body, res);
    } catch (error) {
      if (!isClosed(res)) throw error;
    }
  } else {
    res.end();
  }
}

function isClosed(res: ExpressResponse): boolean {
  return res.destroyed || res.writableEnded;
}
