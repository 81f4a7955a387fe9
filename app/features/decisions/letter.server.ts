import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { msg } from '../../i18n';
import type { DecisionLetter } from './decisions.server';
import { norwegianDate, norwegianDateOf } from '../cases/domain/dates';
import { conditionLines, treatmentHeading } from './domain/compose';
import { treatmentLines } from './domain/treatment';
import { patientIdKind } from '../cases/domain/application';

const PAGE = { width: 595.28, height: 841.89 } as const; // A4 in points
const MARGIN = 56;
const SIZE = { title: 15, label: 9.5, body: 10.5, small: 8.5 } as const;
const LINE = 1.35;

/** Keeps only characters the standard fonts can draw (WinAnsi) and line breaks; others become «?». */
function drawable(font: PDFFont, text: string): string {
  let out = '';
  for (const char of text.replace(/\t/g, ' ').replace(/\r\n?/g, '\n')) {
    if (char === '\n') {
      out += char;
      continue;
    }
    try {
      font.encodeText(char);
      out += char;
    } catch {
      out += '?';
    }
  }
  return out;
}

/** Breaks a paragraph into lines no wider than `width`, at spaces (long words are cut). */
function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/** A top-to-bottom writer that starts a new page when one is full. */
class Writer {
  private page: PDFPage;
  private y: number;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: { regular: PDFFont; bold: PDFFont },
  ) {
    this.page = doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - MARGIN;
  }

  text(value: string, options: { size: number; bold?: boolean; gapAfter?: number }) {
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    const width = PAGE.width - 2 * MARGIN;
    for (const line of wrap(font, options.size, drawable(font, value), width)) {
      const height = options.size * LINE;
      if (this.y - height < MARGIN) {
        this.page = this.doc.addPage([PAGE.width, PAGE.height]);
        this.y = PAGE.height - MARGIN;
      }
      this.y -= height;
      this.page.drawText(line, { x: MARGIN, y: this.y, size: options.size, font });
    }
    this.y -= options.gapAfter ?? 0;
  }

  /** A line in the bottom margin of every page, so it never needs a page of its own. */
  footer(value: string) {
    const font = this.fonts.regular;
    for (const page of this.doc.getPages()) {
      page.drawText(drawable(font, value), {
        x: MARGIN,
        y: MARGIN / 2,
        size: SIZE.small,
        font,
      });
    }
  }

  heading(value: string) {
    this.text(value, { size: SIZE.body, bold: true, gapAfter: 6 });
  }

  field(label: string, value: string) {
    this.text(label, { size: SIZE.label, bold: true, gapAfter: 1 });
    this.text(value, { size: SIZE.body, gapAfter: 8 });
  }
}

/**
 * The decision letter for the patient record: case, patient (or group), diagnoses, indication, the
 * leader's endorsement, the decision with all its parts (the treatment it approves: drug, dose,
 * route and duration as applied for; the reseptmerknad and invoicing routine), who decided and
 * when, and which version of the decision it is.
 */
export async function renderDecisionLetter(letter: DecisionLetter): Promise<Uint8Array> {
  const t = msg.decisionModule.letterText;
  const { decision, answers } = letter;
  const doc = await PDFDocument.create();
  doc.setTitle(`${t.title} ${letter.caseNumber}`);
  doc.setLanguage('nb-NO');
  doc.setAuthor(letter.trustName);
  doc.setCreator(msg.app.name);
  const writer = new Writer(doc, {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  });

  writer.text(t.title, { size: SIZE.title, bold: true, gapAfter: 14 });
  writer.field(t.caseNumber, letter.caseNumber);
  writer.field(t.trust, letter.trustName);
  writer.field(t.department, letter.departmentName);
  if (letter.applicantName !== null) writer.field(t.applicant, letter.applicantName);
  if (typeof answers.patientId === 'string') {
    const kind = patientIdKind(answers.patientId);
    writer.field(t.patient(msg.privacy.kinds[kind ?? 'fnr']), answers.patientId);
  }
  if (typeof answers.population === 'string') writer.field(t.group, answers.population);
  if (letter.scheme) writer.field(t.scheme, msg.schemes[letter.scheme]);
  if (letter.diagnoses.length > 0) {
    writer.field(
      t.diagnoses,
      letter.diagnoses
        .map((d) => msg.diagnoses.item(d.code, d.text, msg.diagnoses.systems[d.system]))
        .join('\n'),
    );
  }
  if (typeof answers.indication === 'string') writer.field(t.indication, answers.indication);
  const { endorsement } = letter;
  if (endorsement) {
    writer.field(
      t.endorsement,
      t.endorsementBy(
        msg.assessment.verdictPast[endorsement.verdict],
        endorsement.authorName,
        norwegianDateOf(endorsement.at),
      ),
    );
    writer.field(t.endorsementJustification, endorsement.justification);
  }
  writer.field(t.outcome, msg.outcomes[decision.outcome]);
  if (decision.interregionalCommittee) writer.field(t.decidedByBody, t.interregionalCommittee);
  const treatment = treatmentLines(letter.treatment, msg.decisionModule.text.treatment);
  if (treatment.length > 0) {
    writer.heading(treatmentHeading(decision.outcome, msg.decisionModule.text));
    for (const line of treatment) writer.field(line.label, line.value);
  }
  writer.field(t.reason, decision.reason);
  const conditions = conditionLines(decision.conditions);
  if (conditions.length > 0) {
    writer.field(t.conditions, conditions.map((c) => `– ${c}`).join('\n'));
  }
  if (decision.evaluationDate) {
    writer.field(t.evaluationDate, norwegianDate(decision.evaluationDate));
  }
  if (decision.prescriptionNote) writer.field(t.prescriptionNote, decision.prescriptionNote);
  if (decision.invoicing) writer.field(t.invoicing, decision.invoicing);
  writer.field(
    decision.registered ? msg.decisionModule.registeredBy : t.signed,
    [decision.decidedByName, decision.decidedByTitle].filter((s) => s !== '').join(', '),
  );
  if (decision.registered) writer.text(t.registeredNote, { size: SIZE.body, gapAfter: 8 });
  writer.field(t.date, norwegianDateOf(decision.decidedAt));
  writer.text(t.version(decision.version), { size: SIZE.body, bold: true, gapAfter: 2 });
  if (decision.supersededBy !== null) {
    writer.text(t.superseded(decision.supersededBy), { size: SIZE.body, gapAfter: 2 });
  }
  writer.footer(t.footer);
  return doc.save();
}
