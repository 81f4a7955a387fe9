import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { keepConnectionsAlive } from './keep-alive';

/** Whether a second request, sent after `idleMs` of quiet, rode the first one's connection. */
async function reusedAfter(idleMs: number, configure: boolean): Promise<boolean> {
  const server = createServer((_req, res) => res.end('ok'));
  if (configure) keepConnectionsAlive(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const agent = new Agent({ keepAlive: true });
  const get = () =>
    new Promise<boolean>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(req.reusedSocket));
      });
      req.on('error', reject);
      req.end();
    });
  try {
    await get();
    await new Promise((resolve) => setTimeout(resolve, idleMs));
    return await get();
  } finally {
    agent.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('keepConnectionsAlive', () => {
  it.concurrent.each([
    // Node's default: the app had closed the idle connection after 5 s, the client had to open another.
    ['Node’s default', false, false],
    ['the app’s setting', true, true],
  ])(
    '%s: a connection idle for 6.5 s is still used: %s',
    async (_, configure, expected) => {
      expect(await reusedAfter(6_500, configure)).toBe(expected);
    },
    15_000,
  );
});
