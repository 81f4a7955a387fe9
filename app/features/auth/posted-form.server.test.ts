import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.server';
import { TEST_SECRETS } from '../../test/actors';
import { createAuth } from './auth.server';
import { msg } from '../../i18n';
import { loggedOutPost } from './domain/logged-out-post';
import { loggedOutPage, MAX_ECHO_BYTES, readPostedForm } from './posted-form.server';

const URL_ = 'http://test/saker/abc/meldinger';
const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request(URL_, { method: 'POST', body, headers });
const multipart = (entries: [string, string | File][]) => {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return post(form);
};
const pdf = (bytes: number) =>
  new File([new Uint8Array(bytes)], 'brev.pdf', { type: 'application/pdf' });

describe('readPostedForm: a post without a session, read for its echo', () => {
  it('reads a urlencoded form, in order, as typed', async () => {
    const body = new URLSearchParams([
      ['body', 'Linje 1\r\nLinje 2 – æøå'],
      ['visibility', 'case'],
    ]);
    expect(await readPostedForm(post(body))).toEqual({
      encoding: 'application/x-www-form-urlencoded',
      fields: [
        ['body', 'Linje 1\r\nLinje 2 – æøå'],
        ['visibility', 'case'],
      ],
      files: false,
      complete: true,
    });
  });

  it('reads no GET, no JSON, no text body, and no urlencoded body over the limit', async () => {
    expect(await readPostedForm(new Request(URL_))).toBeNull();
    expect(
      await readPostedForm(post('{"body":"x"}', { 'Content-Type': 'application/json' })),
    ).toBeNull();
    expect(await readPostedForm(post('body=x', { 'Content-Type': 'text/plain' }))).toBeNull();
    const long = new URLSearchParams([['body', 'x'.repeat(MAX_ECHO_BYTES)]]);
    expect(await readPostedForm(post(long))).toBeNull();
  });

  it('reads a multipart form: its text, and no file when none was chosen', async () => {
    const empty = new File([], '', { type: 'application/octet-stream' });
    const read = await readPostedForm(
      multipart([
        ['reason', 'Svaret mitt'],
        ['fil', empty],
        ['intent', 'send'],
      ]),
    );
    expect(read).toEqual({
      encoding: 'multipart/form-data',
      fields: [
        ['reason', 'Svaret mitt'],
        ['intent', 'send'],
      ],
      files: false,
      complete: true,
    });
  });

  it('notes a chosen file without its bytes, and stops at one over the limit with the text before it', async () => {
    const small = await readPostedForm(
      multipart([
        ['reason', 'Svaret mitt'],
        ['fil', pdf(10)],
        ['intent', 'send'],
      ]),
    );
    expect(small).toEqual({
      encoding: 'multipart/form-data',
      fields: [
        ['reason', 'Svaret mitt'],
        ['intent', 'send'],
      ],
      files: true,
      complete: true,
    });
    const large = await readPostedForm(
      multipart([
        ['reason', 'Svaret mitt'],
        ['fil', pdf(MAX_ECHO_BYTES + 1)],
        ['intent', 'send'],
      ]),
    );
    expect(large).toEqual({
      encoding: 'multipart/form-data',
      fields: [['reason', 'Svaret mitt']],
      files: true,
      complete: false,
    });
  });

  it('uses the form a route read first when it is handed out again (the route guards), else reads nothing', async () => {
    const guarded = post(new URLSearchParams([['reason', 'Lest først']]));
    const once = guarded.formData();
    guarded.formData = () => once;
    await guarded.formData();
    expect((await readPostedForm(guarded))?.fields).toEqual([['reason', 'Lest først']]);
    const unguarded = post(new URLSearchParams([['reason', 'Lest først']]));
    await unguarded.formData();
    expect(await readPostedForm(unguarded)).toBeNull();
  });
});

describe('loggedOutPage: the words of the page, resolved on the server', () => {
  const t = msg.loggedOut;
  const page = (fields: [string, string][], files: boolean, chooseTrust = false) => {
    const post = loggedOutPost(
      { encoding: 'multipart/form-data', fields, files, complete: true },
      { action: '/saker/abc', signIn: '/logg-inn', chooseTrust },
    );
    if (!post) throw new Error('no post');
    return loggedOutPage(post);
  };

  it.each([
    ['sent again after login', false, false, t.howTo, t.logIn],
    ['sent again after choosing a trust', false, true, t.howToChoose, t.chooseTrust],
    ['a file chosen: nothing sent again', true, false, t.filesAgain, t.logIn],
  ])('%s', (_, files, chooseTrust, howTo, signIn) => {
    const shown = page(
      [
        ['reason', 'Begrunnet'],
        ['answer', 'Svart'],
      ],
      files,
      chooseTrust,
    );
    expect(shown.words).toMatchObject({ title: t.title, howTo, signIn, sendAgain: t.sendAgain });
    expect(shown.labels).toEqual([t.fields.reason, t.fields.answer]);
  });
});

describe('requireActor without a session', () => {
  // Any use of the database (or of the session reads) fails the test: the echo is the body's.
  const untouchable = new Proxy(Object.create(null) as object, {
    get: () => {
      throw new Error('the database was used');
    },
  }) as Db;
  const auth = createAuth(untouchable, {
    secrets: TEST_SECRETS,
    secure: false,
    readAsApp: () => Promise.reject(new Error('the session was read')),
  });
  const thrownBy = (request: Request, returnTo?: string) =>
    auth.requireActor(request, returnTo ? { returnTo } : {}).catch((e: unknown) => e);

  it('answers a form with typed text 401 with the post alone, reading nothing', async () => {
    const thrown = await thrownBy(
      post(
        new URLSearchParams([
          ['body', 'Skrevet utlogget'],
          ['visibility', 'internal'],
        ]),
      ),
    );
    expect(thrown).toMatchObject({
      init: { status: 401 },
      data: {
        loggedOutPost: true,
        signIn: '/logg-inn?tilbake=%2Fsaker%2Fabc%2Fmeldinger',
        chooseTrust: false,
        typed: [{ name: 'body', text: 'Skrevet utlogget' }],
        files: false,
        resend: {
          action: '/saker/abc/meldinger',
          encoding: 'application/x-www-form-urlencoded',
          fields: [
            ['body', 'Skrevet utlogget'],
            ['visibility', 'internal'],
          ],
        },
        words: { title: msg.loggedOut.title, howTo: msg.loggedOut.howTo },
        labels: [msg.loggedOut.fields.body],
      },
    });
  });

  it('sends a form posted with JavaScript (React Router’s .data address) again to its page', async () => {
    const request = new Request('http://test/saker/abc/meldinger.data', {
      method: 'POST',
      body: new URLSearchParams([['body', 'Med JavaScript']]),
    });
    expect(await thrownBy(request)).toMatchObject({
      init: { status: 401 },
      data: { resend: { action: '/saker/abc/meldinger' } },
    });
  });

  it('still redirects a GET, a post with nothing typed, JSON, and a resource route', async () => {
    const location = (thrown: unknown) =>
      thrown instanceof Response ? thrown.headers.get('Location') : 'not a redirect';
    expect(location(await thrownBy(new Request(URL_)))).toBe(
      '/logg-inn?tilbake=%2Fsaker%2Fabc%2Fmeldinger',
    );
    const claim = post(new URLSearchParams([['event', 'claim']]));
    expect(location(await thrownBy(claim))).toMatch(/^\/logg-inn/);
    const json = post('{"body":"x"}', { 'Content-Type': 'application/json' });
    expect(location(await thrownBy(json))).toMatch(/^\/logg-inn/);
    const upload = multipart([['fil', pdf(10)]]);
    expect(location(await thrownBy(upload, '/saker/abc'))).toBe('/logg-inn?tilbake=%2Fsaker%2Fabc');
  });
});
