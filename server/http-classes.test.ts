import { createServer, IncomingMessage, ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expressHttpClasses } from './http-classes';

/** What each request and response were as they arrived, before Express saw them. */
interface Seen {
  requestPrototypeIsApps: boolean;
  responsePrototypeIsApps: boolean;
  isIncomingMessage: boolean;
  isServerResponse: boolean;
  highWaterMark: number;
}

describe('expressHttpClasses', () => {
  const app = express();
  const seen: Seen[] = [];
  app.use(express.urlencoded({ extended: false }));
  app.all('/echo', (req, res) => {
    res.json({
      method: req.method,
      query: req.query,
      body: req.body as unknown,
      host: req.hostname,
    });
  });
  let server: Server;
  let origin = '';
  beforeAll(async () => {
    // A high-water mark Node passes to the response's constructor: it must arrive.
    server = createServer({ ...expressHttpClasses(app), highWaterMark: 12_345 }, (req, res) => {
      seen.push({
        requestPrototypeIsApps: Object.getPrototypeOf(req) === app.request,
        responsePrototypeIsApps: Object.getPrototypeOf(res) === app.response,
        isIncomingMessage: req instanceof IncomingMessage,
        isServerResponse: res instanceof ServerResponse,
        highWaterMark: res.writableHighWaterMark,
      });
      app(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('makes requests and responses with the app’s prototypes, so Express has none to change', async () => {
    const response = await fetch(`${origin}/echo?sak=42`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      method: 'GET',
      query: { sak: '42' },
      host: '127.0.0.1',
    });
    expect(seen.at(-1)).toEqual({
      requestPrototypeIsApps: true,
      responsePrototypeIsApps: true,
      isIncomingMessage: true,
      isServerResponse: true,
      highWaterMark: 12_345,
    });
  });

  it('serves bodies, HEAD and keep-alive requests in turn as Express does', async () => {
    const posted = await fetch(`${origin}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'begrunnelse=%C3%A6%C3%B8%C3%A5',
    });
    expect(await posted.json()).toMatchObject({ method: 'POST', body: { begrunnelse: 'æøå' } });
    const head = await fetch(`${origin}/echo`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const missing = await fetch(`${origin}/finnes-ikke`);
    expect(missing.status).toBe(404);
    expect(seen.every((s) => s.requestPrototypeIsApps && s.responsePrototypeIsApps)).toBe(true);
    expect(seen).toHaveLength(4);
  });
});
