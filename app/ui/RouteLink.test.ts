import { describe, expect, it } from 'vitest';
import { inAppPath, type ClickedLink, type LinkClick } from './RouteLink';

const ORIGIN = 'https://soknad.example.no';
const plain: LinkClick = {
  button: 0,
  metaKey: false,
  altKey: false,
  ctrlKey: false,
  shiftKey: false,
  defaultPrevented: false,
};
const link: ClickedLink = { href: `${ORIGIN}/saker/abc?x=1#venter`, target: '', download: false };

describe('inAppPath: which clicks on a route link the app follows itself', () => {
  it.each([
    ['a plain left click', plain, link, '/saker/abc?x=1#venter'],
    ['target _self', plain, { ...link, target: '_self' }, '/saker/abc?x=1#venter'],
    ['the root', plain, { ...link, href: `${ORIGIN}/` }, '/'],
    ['the middle button', { ...plain, button: 1 }, link, null],
    ['the right button', { ...plain, button: 2 }, link, null],
    ['Ctrl (new tab)', { ...plain, ctrlKey: true }, link, null],
    ['Cmd (new tab)', { ...plain, metaKey: true }, link, null],
    ['Shift (new window)', { ...plain, shiftKey: true }, link, null],
    ['Alt (download)', { ...plain, altKey: true }, link, null],
    ['a handler prevented it', { ...plain, defaultPrevented: true }, link, null],
    ['target _blank', plain, { ...link, target: '_blank' }, null],
    ['a download', plain, { ...link, download: true }, null],
    ['another origin', plain, { ...link, href: 'https://helseid.example.no/login' }, null],
    ['another port', plain, { ...link, href: 'https://soknad.example.no:8443/saker' }, null],
  ] as const)('%s', (_, click, clicked, expected) => {
    expect(inAppPath(click, clicked, ORIGIN)).toBe(expected);
  });
});
