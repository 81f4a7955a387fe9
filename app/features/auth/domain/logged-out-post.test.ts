import { describe, expect, it } from 'vitest';
import {
  isLoggedOutPage,
  isNotFoundPost,
  loggedOutPost,
  typedIn,
  type PostedForm,
} from './logged-out-post';

const targets = {
  action: '/saker/abc/meldinger',
  signIn: '/logg-inn?tilbake=x',
  chooseTrust: false,
};

const urlencoded = (fields: [string, string][], more: Partial<PostedForm> = {}): PostedForm => ({
  encoding: 'application/x-www-form-urlencoded',
  fields,
  files: false,
  complete: true,
  ...more,
});

describe('loggedOutPost: what a form posted without a session brings back', () => {
  it.each<[string, PostedForm, string[] | null]>([
    [
      'a dialog message: the text listed, the choice not',
      urlencoded([
        ['body', 'Trenger dere mer?'],
        ['visibility', 'case'],
      ]),
      ['body'],
    ],
    [
      'an endorsement: the justification and the criteria texts, in the form order',
      urlencoded([
        ['intent', 'endorsement'],
        ['version', '3'],
        ['severity.level', '4'],
        ['severity.text', 'Livstruende'],
        ['benefit.level', '3'],
        ['benefit.text', 'God respons'],
        ['verdict', 'endorse'],
        ['reason', 'Anbefales'],
      ]),
      ['severity.text', 'benefit.text', 'reason'],
    ],
    [
      'a decision: its texts, empty ones left out',
      urlencoded([
        ['reason', 'Innvilget etter vurdering'],
        ['prescriptionNote', 'Merknad'],
        ['conditions', '  '],
        ['revisionReason', ''],
      ]),
      ['reason', 'prescriptionNote'],
    ],
    [
      'a person added by the administrator: nothing listed (no free text), but all sent again',
      urlencoded([
        ['name', 'Kari Nordmann'],
        ['email', 'kari@example.test'],
        ['hprNumber', '1234567'],
        ['role', 'assessor'],
      ]),
      [],
    ],
    [
      "a decision made from the trust's phrases alone: the choices are sent again",
      urlencoded([
        ['event', 'decide'],
        ['version', '4'],
        ['outcome', 'approved'],
        ['reasonPhrase', 'p-1'],
        ['evaluationDate', '2027-06-01'],
        ['reason', ''],
      ]),
      [],
    ],
    [
      'a button removing someone («Fjern»): nothing filled in',
      urlencoded([
        ['intent', 'removeCollaborator'],
        ['userId', '7b0c'],
      ]),
      null,
    ],
    [
      'a button without text («Ta saken»): nothing typed, the login redirect as before',
      urlencoded([
        ['event', 'claim'],
        ['version', '2'],
      ]),
      null,
    ],
    ['an empty form', urlencoded([]), null],
  ])('%s', (_name, posted, listed) => {
    const post = loggedOutPost(posted, targets);
    if (listed === null) {
      expect(post).toBeNull();
      return;
    }
    expect(post?.typed.map((t) => t.name)).toEqual(listed);
    // Every field goes back as posted, listed or not, to the address it was posted to.
    expect(post?.resend).toEqual({
      action: targets.action,
      encoding: posted.encoding,
      fields: posted.fields,
    });
    expect(post).toMatchObject({ loggedOutPost: true, files: false, signIn: targets.signIn });
  });

  it('keeps the text as typed (spaces and line breaks included)', () => {
    const post = loggedOutPost(urlencoded([['reason', '  Linje 1\r\nLinje 2 ']]), targets);
    expect(post?.typed).toEqual([{ name: 'reason', text: '  Linje 1\r\nLinje 2 ' }]);
  });

  it.each<[string, PostedForm, boolean]>([
    [
      'an answer with a file: the text shown, nothing offered to send again',
      {
        encoding: 'multipart/form-data',
        fields: [['reason', 'Svaret mitt']],
        files: true,
        complete: true,
      },
      true,
    ],
    [
      'an upload alone: said to choose the file again, nothing to send',
      {
        encoding: 'multipart/form-data',
        fields: [['intent', 'upload']],
        files: true,
        complete: true,
      },
      true,
    ],
    [
      'a body not read to its end: what was read shown, nothing sent again',
      {
        encoding: 'multipart/form-data',
        fields: [['reason', 'Del']],
        files: false,
        complete: false,
      },
      false,
    ],
  ])('%s', (_name, posted, files) => {
    const post = loggedOutPost(posted, targets);
    expect(post).toMatchObject({ loggedOutPost: true, files, resend: null });
  });

  it('sends a multipart form again as multipart (the answer form reads nothing else)', () => {
    const post = loggedOutPost(
      {
        encoding: 'multipart/form-data',
        fields: [
          ['reason', 'Svaret mitt'],
          ['intent', 'send'],
        ],
        files: false,
        complete: true,
      },
      targets,
    );
    expect(post?.resend?.encoding).toBe('multipart/form-data');
  });

  it('recognises its own data only', () => {
    const post = loggedOutPost(urlencoded([['body', 'Hei']]), targets);
    const words = { title: 'T', body: 'B', typed: 'S', howTo: 'H', signIn: 'L', sendAgain: 'N' };
    expect(isLoggedOutPage({ ...post, words, labels: ['Melding'] })).toBe(true);
    // The post without its words (the server adds them) is not the page's data.
    expect(isLoggedOutPage(post)).toBe(false);
    expect(isLoggedOutPage({ loggedOut: true, posted: [] })).toBe(false);
    expect(isLoggedOutPage({ loggedOutPost: 'yes', words, labels: [] })).toBe(false);
    expect(isLoggedOutPage(null)).toBe(false);
    expect(isLoggedOutPage('Du er logget ut')).toBe(false);
  });
});

describe('typedIn: the free texts of a refused form, for its 404 page', () => {
  it.each<[string, unknown, string[]]>([
    ['a message and its visibility', { body: 'Hei', visibility: 'case' }, ['body']],
    [
      'a decision, empty texts left out',
      { reason: 'Innvilget', conditions: ' ', outcome: 'approved' },
      ['reason'],
    ],
    ['no values (a button)', null, []],
    ['values that are not texts', { reason: 3, body: ['a'] }, []],
  ])('%s', (_name, values, names) => {
    expect(typedIn(values).map((t) => t.name)).toEqual(names);
  });

  it('recognises its own page data only', () => {
    expect(isNotFoundPost({ notFoundPost: true, typed: [] })).toBe(true);
    expect(isNotFoundPost({ typed: [] })).toBe(false);
    expect(isNotFoundPost(null)).toBe(false);
  });
});
