import { describe, expect, it } from 'vitest';
import type { FestRecord } from './domain/m30';
import { M30Reader } from './m30-reader.server';

const M30 = 'http://www.kith.no/xmlstds/eresept/m30/2014-12-01';
const FS = 'http://www.kith.no/xmlstds/eresept/forskrivning/2014-12-01';

/** Reads a whole document, fed in small pieces as a stream would be. */
function read(xml: string, pieceLength = 7) {
  const reader = new M30Reader();
  for (let i = 0; i < xml.length; i += pieceLength) reader.write(xml.slice(i, i + pieceLength));
  reader.end();
  return { hentetDato: reader.hentetDato, records: reader.take() };
}

const substance = (id: string, attrs = '') =>
  `<OppfVirkestoff><Id>W${id}</Id><Status V="A"/><Virkestoff${attrs}><Id>${id}</Id><Navn>Stoff ${id}</Navn></Virkestoff></OppfVirkestoff>`;

describe('M30Reader', () => {
  const names = (records: FestRecord[]) =>
    records.map((r) => (r.kind === 'substance' ? [r.id, r.data.name] : [r.kind, r.id]));

  it('reads entries by local name in the m30 namespace, the fs namespace or none, in any catalogue order', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
      <m30:FEST xmlns:m30="${M30}"><m30:HentetDato> 2017-04-12T18:26:27.336Z </m30:HentetDato>
        <m30:KatInteraksjon><OppfInteraksjon><Id>I</Id></OppfInteraksjon></m30:KatInteraksjon>
        <m30:KatVirkestoff>${substance('A', ` xmlns="${FS}"`)}<m30:OppfVirkestoff><m30:Id>WB</m30:Id>
          <m30:Virkestoff><m30:Id>B</m30:Id><m30:Navn>Stoff B</m30:Navn></m30:Virkestoff></m30:OppfVirkestoff>
          ${substance('C')}</m30:KatVirkestoff>
      </m30:FEST>`;
    const { hentetDato, records } = read(xml);
    expect(hentetDato).toBe('2017-04-12T18:26:27.336Z');
    expect(names(records)).toEqual([
      ['A', 'Stoff A'],
      ['B', 'Stoff B'],
      ['C', 'Stoff C'],
    ]);
  });

  it('reads attributes by local name, and text split by the stream, entities and CDATA', () => {
    const xml = `<FEST xmlns="${M30}" xmlns:fs="${FS}"><HentetDato>2026-09-08T03:09:06</HentetDato>
      <KatVirkestoff><OppfVirkestoff><Id>W</Id><Status V="A"/><VirkestoffMedStyrke><Id>S</Id>
      <Styrke fs:V="10" U="mg"/><RefVirkestoff> Ref &amp; <![CDATA[<more>]]> </RefVirkestoff>
      </VirkestoffMedStyrke></OppfVirkestoff></KatVirkestoff></FEST>`;
    expect(read(xml, 3).records).toEqual([
      {
        kind: 'strength',
        id: 'S',
        festChangedAt: null,
        data: {
          substanceId: 'Ref & <more>',
          amount: '10',
          unit: 'mg',
          perAmount: null,
          perUnit: null,
        },
      },
    ]);
  });

  it('ignores elements in foreign namespaces, with their content', () => {
    const xml = `<FEST xmlns="${M30}" xmlns:x="urn:other"><HentetDato>2026-09-08T03:09:06</HentetDato>
      <KatVirkestoff><OppfVirkestoff><Id>W</Id><Virkestoff><Id>A</Id><x:Navn>Wrong</x:Navn>
      <x:Wrapper><Navn>Nested</Navn></x:Wrapper><Navn>Right</Navn></Virkestoff></OppfVirkestoff>
      <x:OppfVirkestoff><Virkestoff><Id>X</Id><Navn>Foreign</Navn></Virkestoff></x:OppfVirkestoff>
      </KatVirkestoff></FEST>`;
    expect(names(read(xml).records)).toEqual([['A', 'Right']]);
  });

  it('hands each entry over once', () => {
    const reader = new M30Reader();
    reader.write(
      `<FEST><HentetDato>2026-09-08T03:09:06</HentetDato><KatVirkestoff>${substance('A')}`,
    );
    expect(names(reader.take())).toEqual([['A', 'Stoff A']]);
    reader.write(`${substance('B')}</KatVirkestoff></FEST>`);
    reader.end();
    expect(names(reader.take())).toEqual([['B', 'Stoff B']]);
  });

  it.each([
    ['another root element', '<Other><HentetDato>x</HentetDato></Other>', /root element is Other/],
    [
      'FEST in a foreign namespace',
      '<FEST xmlns="urn:other"><HentetDato>x</HentetDato></FEST>',
      /root element/,
    ],
    ['no HentetDato', '<FEST><KatVirkestoff/></FEST>', /HentetDato is missing/],
    [
      'a non-UTF-8 file',
      '<?xml version="1.0" encoding="ISO-8859-1"?><FEST/>',
      /Unsupported encoding/,
    ],
    ['malformed XML', '<FEST><HentetDato>x</FEST>', /./],
  ])('refuses %s', (_, xml, message) => {
    expect(() => read(xml)).toThrow(message);
  });
});
