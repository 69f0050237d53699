/** Writes a draft letter to the committee (core/consolidate/letters.ts) as a Word document with the maintained `docx` package. */
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { EscalationLetter, LetterBlock } from '../../core/consolidate/letters';

const FONT = 'Calibri';
const thin = { style: BorderStyle.SINGLE, size: 4, color: '999999' } as const;
const borders = { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin };

/** Text with line breaks kept (the sender's two lines), as runs of one paragraph. */
function runs(text: string, bold = false): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ text: line, bold, font: FONT, size: 22, break: i > 0 ? 1 : undefined }));
}

const cell = (text: string, bold = false, width?: number) =>
  new TableCell({ children: [new Paragraph({ children: runs(text, bold) })], ...(width ? { width: { size: width, type: WidthType.PERCENTAGE } } : {}) });

function blockToWord(block: LetterBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, children: [new TextRun({ text: block.text, bold: true, font: FONT, size: 26 })] })];
    case 'paragraph':
      return [new Paragraph({ spacing: { after: 160 }, children: runs(block.text, block.bold) })];
    case 'facts':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          borders,
          rows: block.rows.map(([label, value]) => new TableRow({ children: [cell(label, true, 38), cell(value, false, 62)] })),
        }),
        new Paragraph({ children: [] }),
      ];
    case 'table': {
      // The first column (the criterion's text) takes a third; the figures share the rest.
      const rest = Math.floor(66 / Math.max(1, block.header.length - 1));
      const width = (i: number) => (i === 0 ? 34 : rest);
      const at = (i: number) => (i === 0 ? AlignmentType.LEFT : AlignmentType.CENTER);
      const row = (values: string[], bold: boolean) =>
        values.map((v, i) => new TableCell({ width: { size: width(i), type: WidthType.PERCENTAGE }, children: [new Paragraph({ alignment: at(i), children: runs(v, bold) })] }));
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          borders,
          rows: [new TableRow({ tableHeader: true, children: row(block.header, true) }), ...block.rows.map((r) => new TableRow({ children: row(r, false) }))],
        }),
        new Paragraph({ children: [] }),
      ];
    }
  }
}

/** The letter as the bytes of a .docx file. */
export async function letterDocx(letter: EscalationLetter): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'Integrationsstatus',
    title: `${letter.title}: ${letter.project}`,
    description: 'Udkast til brev til fagudvalg om et projekt, der er rødt for anden gang',
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1247, right: 1247 } } },
        children: [
          new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: letter.title.toUpperCase(), bold: true, color: '9C0006', font: FONT, size: 20 })] }),
          ...letter.blocks.flatMap(blockToWord),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
