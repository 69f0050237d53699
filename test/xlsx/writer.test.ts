/**
 * The .xlsx writer: what a plan says is what three independent readers (ours, exceljs, openpyxl) find in the file,
 * whatever the text holds and however large the sheet.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { consolidate } from '../../src/core/consolidate/consolidate';
import { buildConsolidatedPlan, OUTPUT } from '../../src/core/consolidate/plan';
import { heldPlan, isRowStream, type RowStream, type WorkbookPlan } from '../../src/core/plan/types';
import { exampleInputs } from '../helpers/examples';
import { loadWorkbookBytes } from '../../src/hosts/xlsx/bytes';
import { writePlan, zlibCompression } from '../../src/hosts/xlsx/files';
import { renderPlanToBuffer } from '../../src/hosts/xlsx/renderPlan';
import { crc32 } from '../../src/hosts/xlsx/write/zip';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { openpyxlJson, withOpenpyxl } from '../helpers/openpyxl';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'writer-'));

/** Text that trips writers up: markup, characters XML cannot hold, CR, things that look like escapes or formulas. */
const AWKWARD = [
  'plain',
  '<b>&amp; "quoted" \'single\'</b>',
  '  leading and trailing spaces  ',
  'tab\there',
  'line\nbreak',
  'windows\r\nline',
  'bell\u0007 and escape\u001b and NUL\u0000',
  '_x0041_ looks like an escape',
  '_x005F_x0041_',
  'lone \ud800 surrogate',
  'emoji 👩‍👧 æøå ÆØÅ',
  '=1+1',
  '+SUM(A1:A2)',
  '@cmd',
  '-2',
  '0042',
  'x'.repeat(32_767),
];

async function fastRead(bytes: Uint8Array, sheet: string) {
  return (await loadWorkbookBytes(bytes)).readSheet(sheet);
}

async function exceljsRead(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe('text', () => {
  const plan: WorkbookPlan = {
    sheets: [{ name: 'Tekst', blocks: [{ row: 1, col: 1, values: AWKWARD.map((t) => [t]) }] }],
    definedNames: [],
  };

  it('comes back character for character through our reader and exceljs', async () => {
    const bytes = await renderPlanToBuffer(plan);
    const ours = await fastRead(bytes, 'Tekst');
    expect(ours.values.map((r) => r[0])).toEqual(AWKWARD);
    const ws = (await exceljsRead(bytes)).getWorksheet('Tekst')!;
    expect(AWKWARD.map((_, i) => ws.getCell(i + 1, 1).value)).toEqual(AWKWARD);
  });

  withOpenpyxl('is stored as text, never as a formula, and openpyxl reads it back', async () => {
    const file = path.join(tmp(), 'tekst.xlsx');
    await writePlan(plan, file);
    const script = [
      'import json, sys, openpyxl',
      'ws = openpyxl.load_workbook(sys.argv[1])["Tekst"]',
      'print(json.dumps([[c.data_type, c.value] for (c,) in ws.iter_rows(max_col=1)]))',
    ].join('\n');
    const cells = openpyxlJson<[string, string][]>(script, file);
    expect(cells.map(([type]) => type)).toEqual(AWKWARD.map(() => 's'));
    // openpyxl decodes _xHHHH_ escapes for control characters only; compare the texts without those cases
    const comparable = (t: string) => !/_x[0-9A-F]{4}_|[\u0000-\u001f\ud800-\udfff]/.test(t.replace(/[\t\n]/g, ''));
    cells.forEach(([, value], i) => {
      if (comparable(AWKWARD[i])) expect(value).toBe(AWKWARD[i]);
    });
  });
});

describe('cells', () => {
  const plan: WorkbookPlan = {
    sheets: [
      {
        name: 'Celler',
        blocks: [
          { row: 1, col: 1, values: [[1, 2.5, -0, 1e21, 1e-7, Number.NaN, true, false, { date: '2011-05-15' }, { date: '1900-02-28' }, { date: 'ikke en dato' }]] },
          { row: 2, col: 1, values: [[{ formula: 'SUM(A1:B1)', result: 3.5 }, { formula: 'A1&"x"', result: '1x' }, { formula: 'A1>0', result: true }, { formula: 'NOW()' }]] },
          // overlapping blocks: the later one wins, a null clears
          { row: 3, col: 1, values: [['under', 'under', 'under']] },
          { row: 3, col: 2, values: [['over', null]] },
        ],
      },
    ],
    definedNames: [],
  };

  it('keeps numbers, booleans, dates, formulas with their results, and lets later blocks win', async () => {
    const bytes = await renderPlanToBuffer(plan);
    const s = await fastRead(bytes, 'Celler');
    expect(s.values[0].slice(0, 9)).toEqual([1, 2.5, 0, 1e21, 1e-7, { error: '#NUM!' }, true, false, 40678]);
    expect(s.numberFormats[0][8]).toBe('dd-mm-yyyy');
    // Excel counts a 29 February 1900 that never was: 28 February 1900 is serial 59 (our reader keeps exceljs's 58)
    const sheetXml = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheetXml).toContain('<c r="J1" s="1"><v>59</v></c>');
    expect(s.values[0][10]).toBe('ikke en dato');
    expect(s.values[1].slice(0, 4)).toEqual([3.5, '1x', true, null]);
    expect(s.values[2].slice(0, 3)).toEqual(['under', 'over', null]);
    const ws = (await exceljsRead(bytes)).getWorksheet('Celler')!;
    expect(ws.getCell('I1').value).toEqual(new Date(Date.UTC(2011, 4, 15)));
    expect(ws.getCell('A2').value).toEqual({ formula: 'SUM(A1:B1)', result: 3.5 });
    expect(ws.getCell('B2').value).toEqual({ formula: 'A1&"x"', result: '1x' });
  });
});

describe('workbook features', () => {
  const plan: WorkbookPlan = {
    properties: { title: 'Prøve', creator: 'Test', created: '2011-05-15T08:00:00Z' },
    sheets: [
      { name: 'Skjult', hidden: true, blocks: [{ row: 1, col: 1, values: [['a'], ['b']] }] },
      {
        name: "Mål 'a' til g",
        tabColor: '00586F',
        columns: [{ width: 30 }, { width: 12, style: { locked: false, numberFormat: '#,##0' } }],
        rowHeights: { 1: 40, 7: 20 },
        frozen: { rows: 1, columns: 1 },
        protect: true,
        print: { landscape: true },
        merges: ['A5:C5'],
        blocks: [
          { row: 1, col: 1, values: [['Navn', 'Beløb', 3]], style: { bold: true, fill: 'DDEBF7', wrap: true, vertical: 'middle', border: true } },
          { row: 2, col: 1, values: [['x', 1000, 'grøn'], ['y', 2000, 'rød']], columnStyles: [undefined, { numberFormat: '#,##0 "kr."', horizontal: 'right' }] },
          { row: 5, col: 1, values: [['Fletning']], style: { italic: true, fontColor: '595959', fontSize: 9 } },
          { row: 1, col: 5, values: [['Ekstra'], [1], [2]] },
        ],
        // Tabel_2 reaches a column no block covers: its header cell is written with the column's name.
        tables: [{ name: 'Tabel_1', ref: 'A1:C3' }, { name: 'Tabel_2', ref: 'E1:F3' }],
        conditionalFormats: [{ ref: 'C2:C3', rules: [{ kind: 'textEquals', text: 'grøn', fill: 'C6EFCE', fontColor: '006100' }] }],
        validations: [
          { ref: 'B2:B3', kind: 'decimal', min: 0, error: 'Skriv et beløb.', prompt: 'Beløb i kr.', promptTitle: 'Beløb' },
          { ref: 'C2:C3', kind: 'list', list: 'Skjult!$A$1:$A$2', strict: true },
        ],
      },
    ],
    definedNames: [{ name: 'IB_Beloeb', sheet: "Mål 'a' til g", ref: 'B2:B3' }],
  };

  it('gives the same bytes for the same plan, and the same parts with either deflate', async () => {
    const a = await renderPlanToBuffer(plan);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(await renderPlanToBuffer(plan)))).toBe(0);
    const b = await renderPlanToBuffer(plan, zlibCompression);
    const parts = async (bytes: Uint8Array) => {
      const zip = await JSZip.loadAsync(bytes);
      const out: Record<string, string> = {};
      for (const f of Object.values(zip.files)) out[f.name] = await f.async('string');
      return out;
    };
    expect(await parts(b)).toEqual(await parts(a));
  });

  it('is read by exceljs with sheets, styles, tables, names, validations, protection and panes', async () => {
    const wb = await exceljsRead(await renderPlanToBuffer(plan));
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Skjult', 'hidden'],
      ["Mål 'a' til g", 'visible'],
    ]);
    expect(wb.title).toBe('Prøve');
    const ws = wb.getWorksheet("Mål 'a' til g")!;
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.getColumn(2).style.protection).toMatchObject({ locked: false });
    expect(ws.getRow(1).height).toBe(40);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    expect(ws.getCell('A1').font).toMatchObject({ bold: true });
    expect(ws.getCell('A1').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } });
    expect(ws.getCell('A1').alignment).toMatchObject({ wrapText: true, vertical: 'middle' });
    expect(ws.getCell('A1').border.top).toMatchObject({ style: 'thin' });
    expect(ws.getCell('B2').numFmt).toBe('#,##0 "kr."');
    expect(ws.getCell('A5').font).toMatchObject({ italic: true, size: 9, color: { argb: 'FF595959' } });
    expect(ws.getCell('A5').isMerged && ws.getCell('C5').isMerged).toBe(true);
    // a table's header cells hold its column names as text
    expect(ws.getCell('C1').value).toBe('3');
    expect([ws.getCell('E1').value, ws.getCell('F1').value]).toEqual(['Ekstra', 'Kolonne 2']);
    expect(wb.definedNames.getRanges('IB_Beloeb').ranges).toEqual(["'Mål ''a'' til g'!$B$2:$B$3"]);
    const dv = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    expect(dv['B2:B3'] ?? dv.B2).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], error: 'Skriv et beløb.' });
    expect(dv['C2:C3'] ?? dv.C2).toMatchObject({ type: 'list', formulae: ['Skjult!$A$1:$A$2'] });
  });

  withOpenpyxl('is read by openpyxl with its table, conditional format, print setup and tab colour', async () => {
    const file = path.join(tmp(), 'ark.xlsx');
    await writePlan(plan, file);
    const script = [
      'import json, sys, openpyxl',
      'wb = openpyxl.load_workbook(sys.argv[1])',
      'ws = wb["Mål \'a\' til g"]',
      't = ws.tables["Tabel_1"]',
      'cf = [(str(r.sqref), [x.formula for x in r.rules]) for r in ws.conditional_formatting]',
      'print(json.dumps({"table": [t.ref, [c.name for c in t.tableColumns]], "cf": cf, "landscape": ws.page_setup.orientation,',
      '  "fit": ws.sheet_properties.pageSetUpPr.fitToPage, "tab": ws.sheet_properties.tabColor.rgb, "protected": ws.protection.sheet,',
      '  "freeze": ws.freeze_panes, "active": wb.active.title}))',
    ].join('\n');
    expect(openpyxlJson(script, file)).toEqual({
      table: ['A1:C3', ['Navn', 'Beløb', '3']],
      cf: [['C2:C3', [['"grøn"']]]],
      landscape: 'landscape',
      fit: true,
      tab: 'FF00586F',
      protected: true,
      freeze: 'B2',
      active: "Mål 'a' til g",
    });
  });
});

describe('rows from a stream', () => {
  it('write the same file as the same rows held in the plan, for every sheet of the consolidated workbook', async () => {
    const plan = buildConsolidatedPlan(consolidate(await exampleInputs(), { generatedAt: '2011-05-15T08:00:00Z', productVersion: 'test' }));
    plan.properties = { ...plan.properties, created: '2011-05-15T08:00:00Z' };
    const sources = plan.sheets.flatMap((s) => s.blocks.filter((b) => isRowStream(b.values)).map(() => s.name));
    expect(sources).toEqual(expect.arrayContaining([OUTPUT.overview, OUTPUT.monitoring, OUTPUT.history, OUTPUT.findings, OUTPUT.files]));
    const held = heldPlan(plan);
    expect(held.sheets.some((s) => s.blocks.some((b) => isRowStream(b.values)))).toBe(false);
    expect(Buffer.from(await renderPlanToBuffer(plan, zlibCompression)).equals(Buffer.from(await renderPlanToBuffer(held, zlibCompression)))).toBe(true);
  });

  it('write their rows between and over held blocks, a later block winning, heights from the source, empty rows left out', async () => {
    const source: RowStream = {
      count: 4,
      width: 2,
      *rows() {
        yield ['a', 1];
        yield [];
        yield ['c', 3];
        yield ['lang tekst', 4];
      },
      height: (values) => (values[0] === 'lang tekst' ? 45 : undefined),
    };
    const streamed: WorkbookPlan = {
      sheets: [{ name: 'Kilde', blocks: [{ row: 1, col: 1, values: [['top']] }, { row: 3, col: 1, values: source }, { row: 5, col: 2, values: [['over']] }, { row: 9, col: 1, values: [['bund']] }] }],
      definedNames: [],
      properties: { created: '2011-05-15T08:00:00Z' },
    };
    const bytes = await renderPlanToBuffer(streamed, zlibCompression);
    expect(Buffer.from(bytes).equals(Buffer.from(await renderPlanToBuffer(heldPlan(streamed), zlibCompression)))).toBe(true);
    const sheet = await fastRead(bytes, 'Kilde');
    expect(sheet.values).toEqual([['top', null], [null, null], ['a', 1], [null, null], ['c', 'over'], ['lang tekst', 4], [null, null], [null, null], ['bund', null]]);
    const xml = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toContain('<row r="6" ht="45" customHeight="1">');
    expect(xml).not.toContain('<row r="4"');
  });
});

describe('a large sheet', () => {
  // Crosses the writer's text pieces many times, so the deflate pieces have to join up.
  const rows = 30_000;
  const values = Array.from({ length: rows }, (_, r) => [`Forvaltning ${r % 7}`, `Indsats ${r} – ${'beskrivelse '.repeat(r % 5)}`, r * 1000, r % 3 === 0 ? 'grøn' : 'gul']);
  const plan: WorkbookPlan = { sheets: [{ name: 'Stor', blocks: [{ row: 2, col: 1, values }] }], definedNames: [], properties: { created: '2011-05-15T08:00:00Z' } };

  it('is streamed to disk and read back complete', async () => {
    const file = path.join(tmp(), 'stor.xlsx');
    await writePlan(plan, file);
    const bytes = new Uint8Array(readFileSync(file));
    const sheet = await fastRead(bytes, 'Stor');
    expect(sheet.top).toBe(2);
    expect(sheet.values).toEqual(values);
    const ws = (await exceljsRead(bytes)).getWorksheet('Stor')!;
    expect(ws.rowCount).toBe(rows + 1);
    expect(ws.getCell(rows + 1, 2).value).toBe(values[rows - 1][1]);
  });

  it('is the same file whether streamed to disk or rendered in memory', async () => {
    const file = path.join(tmp(), 'stor.xlsx');
    await writePlan(plan, file);
    expect(readFileSync(file).equals(Buffer.from(await renderPlanToBuffer(plan, zlibCompression)))).toBe(true);
  });
});

describe('the CRC-32 for browsers and older Node 20', () => {
  it('agrees with zlib’s, also when a part is checked piece by piece', () => {
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7919 + (i >> 3)) & 0xff);
    expect(crc32(bytes)).toBe(zlibCrc32(bytes));
    expect(crc32(bytes.subarray(40_000), crc32(bytes.subarray(0, 40_000)))).toBe(zlibCrc32(bytes));
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});
