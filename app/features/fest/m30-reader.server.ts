import { SaxesParser, type SaxesTagNS } from 'saxes';
import { EntryMapper, type FestRecord } from './domain/m30';

/**
 * The namespaces whose elements count: M30 and forskrivning (any version of the eResept family,
 * so a newer FEST schema is not silently read as empty) and no namespace. Elements are matched on
 * their local names only, because real files put the same elements in any of these.
 */
const FEST_NAMESPACE = /^https?:\/\/www\.kith\.no\/xmlstds\/eresept\/(m30|forskrivning)\//;
const accepted = (uri: string) => uri === '' || FEST_NAMESPACE.test(uri);

/**
 * A push parser for an M30 extract: feed text with `write`, collect the records of the entries
 * finished so far with `take`. The parser's events go straight to the domain's `EntryMapper`,
 * which keeps only the fields it maps, so memory does not grow with the file.
 */
export class M30Reader {
  hentetDato: string | null = null;
  /**
   * Whether the substance catalogue (`KatVirkestoff`: every Virkestoff and VirkestoffMedStyrke
   * the products refer to) has closed. The schema puts it after the products and packages.
   */
  substancesRead = false;
  private readonly parser = new SaxesParser({ xmlns: true });
  private readonly entries = new EntryMapper();
  /** Open elements, the root included. */
  private depth = 0;
  /** Open elements inside one of a foreign namespace (0 when not in one). */
  private ignored = 0;
  /** The text of the first HentetDato, while it is open. */
  private hentetDatoText: string | null = null;
  private finished: FestRecord[] = [];
  /**
   * The namespace of the last element and whether it counts: an element's namespace is nearly
   * always its parent's, so the test runs once per change, not once per element.
   */
  private lastUri = '';
  private lastAccepted = true;

  constructor() {
    this.parser.on('xmldecl', (decl) => {
      if (decl.encoding && !/^utf-?8$/i.test(decl.encoding)) {
        throw new Error(`Unsupported encoding ${decl.encoding}: FEST files are UTF-8`);
      }
    });
    this.parser.on('opentag', (tag) => this.open(tag));
    this.parser.on('text', (text) => this.text(text));
    this.parser.on('cdata', (text) => this.text(text));
    this.parser.on('closetag', (tag) => this.close(tag));
  }

  write(text: string): void {
    this.parser.write(text);
  }

  end(): void {
    this.parser.close();
    if (this.hentetDato === null) throw new Error('Not a FEST extract: HentetDato is missing');
  }

  /** The records of the entries finished since the last call. */
  take(): FestRecord[] {
    const out = this.finished;
    this.finished = [];
    return out;
  }

  private open(tag: SaxesTagNS): void {
    this.depth++;
    if (this.ignored > 0 || !this.accepts(tag.uri)) {
      if (this.depth === 1) throw new Error(`Not a FEST extract: the root element is ${tag.name}`);
      this.ignored++;
      return;
    }
    if (this.depth === 1) {
      if (tag.local !== 'FEST')
        throw new Error(`Not a FEST extract: the root element is ${tag.name}`);
      return;
    }
    if (this.depth === 2 && tag.local === 'HentetDato' && this.hentetDato === null) {
      this.hentetDatoText = '';
    }
    this.entries.open(tag.local, tag.attributes);
  }

  private accepts(uri: string): boolean {
    if (uri !== this.lastUri) {
      this.lastUri = uri;
      this.lastAccepted = accepted(uri);
    }
    return this.lastAccepted;
  }

  private text(text: string): void {
    if (this.ignored > 0) return;
    if (this.hentetDatoText !== null) this.hentetDatoText += text;
    else this.entries.text(text);
  }

  private close(tag: SaxesTagNS): void {
    this.depth--;
    if (this.ignored > 0) {
      this.ignored--;
      return;
    }
    if (this.depth === 0) return;
    if (this.depth === 1 && tag.local === 'KatVirkestoff') this.substancesRead = true;
    if (this.hentetDatoText !== null && this.depth === 1) {
      this.hentetDato = this.hentetDatoText.trim();
      this.hentetDatoText = null;
    }
    const records = this.entries.close();
    if (records) for (const record of records) this.finished.push(record);
  }
}
