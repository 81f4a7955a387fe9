import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/**
 * A FEST import that changes a drug a case was sent with (ADR 0027), for integration and
 * end-to-end tests: real entries of the 2017 extract in fixtures/fest, changed as a newer extract
 * might change them.
 */

export const MINI_2017 = fileURLToPath(
  new URL('../../fixtures/fest/fest-mini-2017.xml.gz', import.meta.url),
);

/** Certican Disperg tab 0,1 mg: on the market, Preparattype 7, ATC L04AA18, AUP 688,80 kr. */
export const CERTICAN = {
  id: 'ID_F2CEF840-A295-4A7A-9CCD-5873D846C3BD',
  label: 'Certican Disperg tab 0,1 mg',
};

/** Replaces `from` in the part of `xml` between `start` and the end of that entry; must change. */
function changeEntry(xml: string, at: number, close: string, changes: [string, string][]) {
  const open = close.replace('</', '<');
  const start = xml.lastIndexOf(open, at);
  const end = xml.indexOf(close, at);
  let entry = xml.slice(start, end);
  for (const [from, to] of changes) {
    if (!entry.includes(from)) throw new Error(`The fixture entry no longer has ${from}`);
    entry = entry.replace(from, to);
  }
  return xml.slice(0, start) + entry + xml.slice(end);
}

/**
 * The 2017 extract with Certican no longer authorised in Norway (Preparattype 11, so it needs a
 * godkjenningsfritak), under another ATC code, its only pack deregistered (no longer on the
 * market) and dearer; written to `dir`, the path returned.
 */
export function certicanChangedExtract(dir: string): string {
  let xml = gunzipSync(readFileSync(MINI_2017)).toString('utf8');
  xml = changeEntry(xml, xml.indexOf(`<Id>${CERTICAN.id}</Id>`), '</OppfLegemiddelMerkevare>', [
    ['<Preparattype V="7" DN="Legemiddel" />', '<Preparattype V="11" DN="Krever godkj. Fritak" />'],
    ['<Atc V="L04AA18"', '<Atc V="L04AH02"'],
  ]);
  xml = changeEntry(xml, xml.indexOf('<Varenr>014884</Varenr>'), '</OppfLegemiddelpakning>', [
    ['DN="AUP" />\n          <Pris V="688.8"', 'DN="AUP" />\n          <Pris V="712.4"'],
    [
      '<Markedsforingsdato>2004-07-15</Markedsforingsdato>',
      '<Markedsforingsdato>2004-07-15</Markedsforingsdato><AvregDato>2017-03-01</AvregDato>',
    ],
  ]);
  const path = join(dir, 'fest-certican-changed.xml');
  writeFileSync(path, xml);
  return path;
}
