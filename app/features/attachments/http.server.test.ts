import { describe, expect, it } from 'vitest';
import { minimalPdf } from '../../test/files';
import { afterBody, readForm, readUpload } from './http.server';

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://localhost/saker/x/vedlegg', { method: 'POST', body, headers });

const form = (file: Blob | null, name = 'epikrise.pdf') => {
  const data = new FormData();
  if (file) data.append('fil', file, name);
  data.append('annet', 'felt');
  return data;
};

/** A body that arrives in chunks with no Content-Length, as a browser might stream it. */
function streamed(body: Uint8Array, chunk = 64 * 1024) {
  let offset = 0;
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= body.length) {
        controller.close();
        return;
      }
      controller.enqueue(body.subarray(offset, offset + chunk));
      offset += chunk;
      pulled += 1;
    },
  });
  return { stream, pulled: () => pulled };
}

async function multipart(data: FormData) {
  const request = new Request('http://localhost/', { method: 'POST', body: data });
  return {
    bytes: new Uint8Array(await request.arrayBuffer()),
    contentType: request.headers.get('Content-Type') ?? '',
  };
}

describe('readUpload', () => {
  it('reads the one file of the form', async () => {
    const pdf = minimalPdf();
    const read = await readUpload(post(form(new Blob([pdf]))), 1024);
    expect(read).toEqual({ ok: true, fileName: 'epikrise.pdf', bytes: pdf });
  });

  it('answers noFile when the form has no file chosen', async () => {
    // What a browser sends for a file input left empty.
    const browser = post(
      '--x\r\nContent-Disposition: form-data; name="fil"; filename=""\r\n' +
        'Content-Type: application/octet-stream\r\n\r\n\r\n--x--\r\n',
      { 'Content-Type': 'multipart/form-data; boundary=x' },
    );
    expect(await readUpload(browser, 1024)).toEqual({ ok: false, problem: 'noFile' });
    expect(await readUpload(post(form(null)), 1024)).toEqual({ ok: false, problem: 'noFile' });
  });

  it('passes an empty file with a name on (the rules call it empty)', async () => {
    expect(await readUpload(post(form(new Blob([]), 'tom.pdf')), 1024)).toMatchObject({
      ok: true,
      fileName: 'tom.pdf',
    });
  });

  it('refuses a body that declares more than the limit without reading it', async () => {
    const { stream, pulled } = streamed(new Uint8Array(10 * 1024 * 1024));
    const request = new Request('http://localhost/', {
      method: 'POST',
      body: stream,
      headers: {
        'Content-Type': 'multipart/form-data; boundary=x',
        'Content-Length': String(10 * 1024 * 1024),
      },
      duplex: 'half',
    } as RequestInit);
    expect(await readUpload(request, 1024 * 1024)).toEqual({ ok: false, problem: 'tooLarge' });
    expect(pulled()).toBeLessThanOrEqual(1);
  });

  it('stops a streamed file at the limit, without a Content-Length', async () => {
    const { bytes, contentType } = await multipart(
      form(new Blob([new Uint8Array(3 * 1024 * 1024)])),
    );
    const { stream, pulled } = streamed(bytes);
    const request = new Request('http://localhost/', {
      method: 'POST',
      body: stream,
      headers: { 'Content-Type': contentType },
      duplex: 'half',
    } as RequestInit);
    expect(await readUpload(request, 1024 * 1024)).toEqual({ ok: false, problem: 'tooLarge' });
    // It stopped reading soon after the first megabyte, not at the end of the body.
    expect(pulled()).toBeLessThan(bytes.length / (64 * 1024) - 10);
  });

  it('answers unreadable to a broken multipart body', async () => {
    const request = post('--x\r\nnot a header\r\n\r\n', {
      'Content-Type': 'multipart/form-data; boundary=x',
    });
    expect(await readUpload(request, 1024)).toEqual({ ok: false, problem: 'unreadable' });
  });
});

describe('readForm', () => {
  const answerForm = (file: Blob | null) => {
    const data = new FormData();
    data.append('version', '7');
    data.append('reason', 'ECOG 1; blodprøvene ligger ved.');
    if (file) data.append('fil', file, 'blodprøver.pdf');
    data.append('intent', 'answerUpload');
    return data;
  };

  it('reads the text fields and the file', async () => {
    const pdf = minimalPdf();
    const read = await readForm(post(answerForm(new Blob([pdf]))), 1024);
    expect(read).toEqual({
      fields: new Map([
        ['version', '7'],
        ['reason', 'ECOG 1; blodprøvene ligger ved.'],
        ['intent', 'answerUpload'],
      ]),
      file: { fileName: 'blodprøver.pdf', bytes: pdf },
      problem: null,
    });
    expect((await readForm(post(answerForm(null)), 1024)).file).toBeNull();
  });

  it('keeps the text typed above a file over the limit', async () => {
    const { bytes, contentType } = await multipart(
      answerForm(new Blob([new Uint8Array(3 * 1024 * 1024)])),
    );
    const { stream } = streamed(bytes);
    const request = new Request('http://localhost/', {
      method: 'POST',
      body: stream,
      headers: { 'Content-Type': contentType, 'Content-Length': String(bytes.length) },
      duplex: 'half',
    } as RequestInit);
    const read = await readForm(request, 1024 * 1024);
    expect(read.problem).toBe('tooLarge');
    expect(read.fields.get('reason')).toBe('ECOG 1; blodprøvene ligger ved.');
    expect(read.file).toBeNull();
  });

  it('refuses a second file', async () => {
    const data = answerForm(new Blob([minimalPdf()]));
    data.append('fil', new Blob([minimalPdf()]), 'kopi.pdf');
    expect((await readForm(post(data), 1024)).problem).toBe('unreadable');
  });
});

describe('afterBody', () => {
  it('reads the rest of the body after an early answer, so the browser receives it', async () => {
    const { stream, pulled } = streamed(new Uint8Array(1024 * 1024));
    const request = new Request('http://localhost/', {
      method: 'POST',
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(await afterBody(request, 1024 * 1024, () => Promise.resolve('answer'))).toBe('answer');
    expect(pulled()).toBe(16);
  });

  it('drops a body far beyond the limit instead of reading it all', async () => {
    const { stream, pulled } = streamed(new Uint8Array(64 * 1024 * 1024));
    const request = new Request('http://localhost/', {
      method: 'POST',
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await afterBody(request, 1024, () => Promise.resolve(null));
    expect(pulled()).toBeLessThan(64 * 16);
  });
});
