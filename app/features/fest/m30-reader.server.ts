import { SaxesParser, type SaxesTagNS } from 'saxes';
import { ENTRY_WRAPPERS, type XmlElement } from './domain/m30';

/**
 * The namespaces whose elements count: M30 and forskrivning (any version of the eResept family,
 * so a newer FEST schema is not silently read as empty) and no namespace. Elements are matched on
 * their local names only, because real files put the same elements in any of these.
 */
const FEST_NAMESPACE = /^https?:\/\/www\.kith\.no\/xmlstds\/eresept\/(m30|forskrivning)\//;
/** Per namespace URI, once: a file has a handful of them and a million elements. */
const acceptedUris = new Map<string, boolean>();
const accepted = (uri: string) => {
  let ok = acceptedUris.get(uri);
  if (ok === undefined) {
    ok = uri === '' || FEST_NAMESPACE.test(uri);
    acceptedUris.set(uri, ok);
  }
  return ok;
};

const WRAPPERS: ReadonlySet<string> = new Set(ENTRY_WRAPPERS);

/** Frames of the open elements: the captured element, or null when not capturing or ignored. */
interface Frame {
  element: XmlElement | null;
  ignored: boolean;
}
/** The frames of elements not captured, shared: most of a file is catalogues the importer skips. */
const SKIPPED: Frame = Object.freeze({ element: null, ignored: false });
const IGNORED: Frame = Object.freeze({ element: null, ignored: true });

/**
 * A push parser for an M30 extract: feed text with `write`, collect finished entries with `take`.
 * Only the `Oppf*` entries the importer keeps are built as (small) trees, one at a time, so memory
 * does not grow with the file.
 */
export class M30Reader {
  hentetDato: string | null = null;
  private readonly parser = new SaxesParser({ xmlns: true });
  private readonly stack: Frame[] = [];
  private finished: XmlElement[] = [];
  private hentetDatoText: string | null = null;

  constructor() {
    this.parser.on('xmldecl', (decl) => {
      if (decl.encoding && !/^utf-?8$/i.test(decl.encoding)) {
        throw new Error(`Unsupported encoding ${decl.encoding}: FEST files are UTF-8`);
      }
    });
    this.parser.on('opentag', (tag) => this.open(tag));
    this.parser.on('text', (text) => this.text(text));
    this.parser.on('cdata', (text) => this.text(text));
    this.parser.on('closetag', () => this.close());
  }

  write(text: string): void {
    this.parser.write(text);
  }

  end(): void {
    this.parser.close();
    if (this.hentetDato === null) throw new Error('Not a FEST extract: HentetDato is missing');
  }

  /** The entries finished since the last call. */
  take(): XmlElement[] {
    const out = this.finished;
    this.finished = [];
    return out;
  }

  private open(tag: SaxesTagNS): void {
    const parent = this.stack.at(-1);
    if (!parent) {
      if (tag.local !== 'FEST' || !accepted(tag.uri)) {
        throw new Error(`Not a FEST extract: the root element is ${tag.name}`);
      }
      this.stack.push({ element: null, ignored: false });
      return;
    }
    const ignored = parent.ignored || !accepted(tag.uri);
    let element: XmlElement | null = null;
    if (!ignored && (parent.element || WRAPPERS.has(tag.local))) {
      const attributes: Record<string, string> = {};
      for (const attribute of Object.values(tag.attributes)) {
        if (attribute.prefix !== 'xmlns' && attribute.name !== 'xmlns') {
          attributes[attribute.local] = attribute.value;
        }
      }
      element = { name: tag.local, attributes, children: [], text: '' };
      parent.element?.children.push(element);
    }
    if (!ignored && this.stack.length === 1 && tag.local === 'HentetDato') this.hentetDatoText = '';
    this.stack.push(element ? { element, ignored } : ignored ? IGNORED : SKIPPED);
  }

  private text(text: string): void {
    const top = this.stack.at(-1);
    if (top?.element) top.element.text += text;
    else if (this.hentetDatoText !== null && this.hentetDato === null) this.hentetDatoText += text;
  }

  private close(): void {
    const frame = this.stack.pop();
    if (this.hentetDatoText !== null && this.hentetDato === null && this.stack.length === 1) {
      this.hentetDato = this.hentetDatoText.trim();
    }
    const element = frame?.element;
    if (!element) return;
    element.text = element.text.trim();
    if (!this.stack.at(-1)?.element) this.finished.push(element);
  }
}
