/**
 * Break-and-fix cases of the file rules (src/core/validate/rules/file.ts): files that cannot be read at all.
 * Small files made here, with small limits where a rule guards against size: the full-size hostile files are in
 * test/corpus and test/xlsx/badfiles.test.ts.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Diagnostic } from '../../../src/core/diagnostics';
import { DEFAULT_LIMITS, type PackageLimits } from '../../../src/hosts/xlsx/read/package';
import { buildTemplatePlan } from '../../../src/core/template/plan';
import { validate } from '../../../src/core/validate/validate';
import { readSubmissionFromBytes } from '../../../src/hosts/xlsx/bytes';
import { checkFileOrReport } from '../../../src/hosts/xlsx/files';
import { renderPlanToBuffer } from '../../../src/hosts/xlsx/renderPlan';
import { oleContainer, withPart, zip } from '../../corpus/badFiles';
import { buildZip, readParts } from '../../helpers/packages';
import { validFill } from '../../helpers/statement';
import type { BreakAndFix, Cases } from './harness';

let valid: Promise<Uint8Array> | undefined;
/** The valid statement as an .xlsx file. */
const validBytes = () => (valid ??= renderPlanToBuffer(buildTemplatePlan({ firstYear: 2011, administration: 'KFF' }, validFill())));

/** What checking and reading a file's bytes finds, as the command line and the pane do. */
const read = (bytes: () => Promise<Uint8Array> | Uint8Array, limits?: Partial<PackageLimits>) => async (): Promise<Diagnostic[]> => {
  const reading = await readSubmissionFromBytes(await bytes(), { limits: { ...DEFAULT_LIMITS, ...limits } });
  return reading.status === 'unreadable' ? reading.diagnostics : validate(reading.result);
};

const te = new TextEncoder();
const contentTypes = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const fixed = read(validBytes);
/** A file the bytes alone show is not a workbook; the valid workbook is the fix. */
const notAWorkbook = (bytes: () => Promise<Uint8Array> | Uint8Array, code: string, name?: string): BreakAndFix => ({ name, broken: read(bytes), expected: [`${code} `], fixed });
/** The valid workbook over one limit, and within the default limits. */
const overLimit = (limits: Partial<PackageLimits>, code: string): BreakAndFix => ({ broken: read(validBytes, limits), expected: [`${code} `], fixed });

export const fileCases: Cases<'file'> = {
  FILE_EMPTY: notAWorkbook(() => new Uint8Array(0), 'FILE_EMPTY'),
  FILE_XLS: notAWorkbook(() => oleContainer(['Workbook', '\u0005SummaryInformation']), 'FILE_XLS'),
  FILE_ENCRYPTED: notAWorkbook(() => oleContainer(['EncryptionInfo', 'EncryptedPackage']), 'FILE_ENCRYPTED'),
  FILE_OLE_OTHER: notAWorkbook(() => oleContainer(['WordDocument', '1Table']), 'FILE_OLE_OTHER'),
  FILE_NOT_ZIP: [
    notAWorkbook(() => te.encode('%PDF-1.4\n1 0 obj\n'), 'FILE_NOT_ZIP', 'a PDF'),
    notAWorkbook(() => te.encode('<html><body><table></table></body></html>'), 'FILE_NOT_ZIP', 'a web page'),
    notAWorkbook(() => te.encode('Budgetredegørelse\nSe vedhæftede tal.\n'), 'FILE_NOT_ZIP', 'text'),
  ],
  FILE_TRUNCATED: notAWorkbook(async () => (await validBytes()).subarray(0, 4000), 'FILE_TRUNCATED'),
  FILE_DOCX: notAWorkbook(() => zip({ '[Content_Types].xml': contentTypes, 'word/document.xml': '<w:document/>' }), 'FILE_DOCX'),
  FILE_PPTX: notAWorkbook(() => zip({ '[Content_Types].xml': contentTypes, 'ppt/presentation.xml': '<p/>' }), 'FILE_PPTX'),
  FILE_ODS: notAWorkbook(() => zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content/>' }), 'FILE_ODS'),
  FILE_XLSB: notAWorkbook(() => zip({ '[Content_Types].xml': contentTypes, 'xl/workbook.bin': new Uint8Array(16) }), 'FILE_XLSB'),
  FILE_ZIP_OTHER: notAWorkbook(() => zip({ 'readme.txt': 'hej' }), 'FILE_ZIP_OTHER'),
  FILE_TOO_LARGE: overLimit({ maxFileBytes: 1000 }, 'FILE_TOO_LARGE'),
  ZIP_TOO_MANY_ENTRIES: overLimit({ maxEntries: 3 }, 'ZIP_TOO_MANY_ENTRIES'),
  ZIP_TOTAL_TOO_LARGE: overLimit({ maxTotalUncompressedBytes: 10_000 }, 'ZIP_TOTAL_TOO_LARGE'),
  ZIP_PART_TOO_LARGE: overLimit({ maxPartUncompressedBytes: 10_000 }, 'ZIP_PART_TOO_LARGE'),
  ZIP_SHEET_TOO_LARGE: overLimit({ maxSheetPartBytes: 10_000 }, 'ZIP_SHEET_TOO_LARGE'),
  ZIP_RATIO: notAWorkbook(() => zip({ '[Content_Types].xml': contentTypes, 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/sheet1.xml': 'x'.repeat(2_000_000) }, 9), 'ZIP_RATIO', 'a 2 MB part compressed a thousand times'),
  ZIP_DUPLICATE_PART: notAWorkbook(async () => {
    const parts = readParts(await validBytes());
    return buildZip([...parts, { ...parts.find((p) => p.name === 'xl/workbook.xml')!, name: 'XL/Workbook.xml' }]);
  }, 'ZIP_DUPLICATE_PART', 'the workbook part twice, once in capitals'),
  ZIP_INCONSISTENT: notAWorkbook(async () => buildZip(readParts(await validBytes()).map((p) => (p.name === 'xl/workbook.xml' ? { ...p, localName: 'xl/andet.xml' } : p))), 'ZIP_INCONSISTENT', 'a local header naming another part'),
  FILE_READ_TOO_LARGE: overLimit({ maxReadBytes: 30_000 }, 'FILE_READ_TOO_LARGE'),
  FILE_TOO_MANY_CELLS: overLimit({ maxCells: 100 }, 'FILE_TOO_MANY_CELLS'),
  FILE_READ_TIMEOUT: overLimit({ maxReadMs: -1 }, 'FILE_READ_TIMEOUT'),
  FILE_NOT_REGULAR: {
    name: 'a folder named .xlsx',
    broken: async () => {
      const dir = path.join(mkdtempSync(path.join(tmpdir(), 'rules-')), 'redegoerelse.xlsx');
      mkdirSync(dir);
      return (await checkFileOrReport(dir)).diagnostics;
    },
    expected: ['FILE_NOT_REGULAR '],
    fixed: async () => {
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'rules-')), 'redegoerelse.xlsx');
      writeFileSync(file, await validBytes());
      return (await checkFileOrReport(file)).diagnostics;
    },
  },
  FILE_SHEET_TOO_LARGE: {
    name: 'one stray value in the last cell of a sheet; one further down the sheet is read',
    broken: read(() => validBytes().then((b) => withPart(b, 'xl/worksheets/sheet8.xml', (x) => x.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')))),
    expected: ['FILE_SHEET_TOO_LARGE Skabeloninfo'],
    fixed: read(() => validBytes().then((b) => withPart(b, 'xl/worksheets/sheet8.xml', (x) => x.replace('</sheetData>', '<row r="400"><c r="Z400" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')))),
  },
  FILE_OPEN_FAILED: {
    name: 'a file that is not there',
    broken: async () => (await checkFileOrReport(path.join(tmpdir(), 'findes-ikke', 'redegoerelse.xlsx'))).diagnostics,
    expected: ['FILE_OPEN_FAILED '],
    fixed: async () => {
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'rules-')), 'redegoerelse.xlsx');
      writeFileSync(file, await validBytes());
      return (await checkFileOrReport(file)).diagnostics;
    },
  },
  FILE_CORRUPT: notAWorkbook(
    () => zip({ '[Content_Types].xml': contentTypes, 'xl/workbook.xml': '<workbook><sheets><sheet name="A" r:id="rId9"', 'xl/_rels/workbook.xml.rels': '<<<' }),
    'FILE_CORRUPT',
    'a workbook part that is not XML',
  ),
};
