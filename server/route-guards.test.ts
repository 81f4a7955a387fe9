import type { ActionFunctionArgs, ServerBuild } from 'react-router';
import { describe, expect, it } from 'vitest';
import { withRouteGuards } from './route-guards';

/** A build of one route whose action is `action`, guarded. */
function guarded(action: (args: ActionFunctionArgs) => Promise<unknown>) {
  const build = {
    routes: { page: { id: 'page', path: 'side', module: { action } } },
  } as unknown as ServerBuild;
  const route = withRouteGuards(build).routes.page;
  return (request: Request) =>
    (route?.module.action as (args: ActionFunctionArgs) => Promise<unknown>)({
      request,
      params: {},
      context: {},
    } as ActionFunctionArgs);
}

const formPost = (body: BodyInit) => new Request('http://test/side', { method: 'POST', body });

describe('the route guards', () => {
  it('hand out a request’s form again after it is read (for the logged-out echo, ADR 0036)', async () => {
    const call = guarded(async ({ request }) => {
      const first = await request.formData();
      const again = await request.formData();
      return [first === again, again.get('body')];
    });
    expect(await call(formPost(new URLSearchParams([['body', 'Hei']])))).toEqual([true, 'Hei']);
  });

  it('answer a body that is not a form 400, every time it is asked for', async () => {
    const call = guarded(async ({ request }) => {
      const first = await request.formData().catch((e: unknown) => e);
      const again = await request.formData().catch((e: unknown) => e);
      return [first, again];
    });
    const request = new Request('http://test/side', {
      method: 'POST',
      body: '{',
      headers: { 'Content-Type': 'application/json' },
    });
    const [first, again] = (await call(request)) as unknown[];
    expect(first).toMatchObject({ init: { status: 400 } });
    expect(again).toBe(first);
  });
});
