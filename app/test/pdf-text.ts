import { inflateSync } from 'node:zlib';

/** windows-1252 bytes 0x80–0x9F (Node's TextDecoder may read them as Latin-1 control codes). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWinAnsi(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    out +=
      byte >= 0x80 && byte <= 0x9f ? (CP1252_HIGH[byte - 0x80] ?? '?') : String.fromCharCode(byte);
  }
  return out;
}

/**
 * The lines of text drawn in a PDF made by pdf-lib with the standard fonts: each Flate content
 * stream is inflated and its hex-string `Tj` operands decoded from WinAnsi (windows-1252).
 * Enough to check what our own letters say; not a general PDF text extractor.
 */
export function pdfTextLines(pdf: Uint8Array): string[] {
  return pdfStreamTextLines(pdf).flat();
}

/** The lines of text of each content stream (pdf-lib writes one per page), in file order. */
export function pdfStreamTextLines(pdf: Uint8Array): string[][] {
  const bytes = Buffer.from(pdf);
  const source = bytes.toString('latin1');
  const streams: string[][] = [];
  const streamPattern = /\/Filter\s*\/FlateDecode[^>]*>>\s*stream\r?\n/g;
  for (let match = streamPattern.exec(source); match; match = streamPattern.exec(source)) {
    const start = match.index + match[0].length;
    const end = source.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(bytes.subarray(start, end)).toString('latin1');
    } catch {
      continue; // not a content stream we can read (fonts, images)
    }
    const lines = [...content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)].map((text) =>
      decodeWinAnsi(Buffer.from(text[1] ?? '', 'hex')),
    );
    if (lines.length > 0) streams.push(lines);
  }
  return streams;
}
