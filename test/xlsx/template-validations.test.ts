/**
 * Excel's own checks in template 1.1: every input cell has a data validation with a Danish input message, no
 * validation spans a whole column, the XML is in ECMA-376's order (openpyxl reads it without a warning, LibreOffice
 * keeps every validation when it re-saves), and the goals rule accepts what the reader accepts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cellRef, parseRangeRef } from '../../src/core/cells';
import { heldRows } from '../../src/core/plan/types';
import { buildTemplatePlan } from '../../src/core/template/plan';
import { writePlan } from '../../src/hosts/xlsx/files';
import { renderPlanToBuffer } from '../../src/hosts/xlsx/renderPlan';
import { find, orderProblems, parseXml, parts, type XmlElement } from '../helpers/ooxml';
import { runsWith } from '../helpers/tools';

const plan = buildTemplatePlan({ firstYear: 2011, administration: 'SOF' });

/** Each sheet's XML element tree, by sheet name (sheetN follows the plan's order). */
async function sheets(bytes: Uint8Array): Promise<Map<string, XmlElement>> {
  const files = await parts(bytes);
  return new Map(plan.sheets.map((s, i) => [s.name, parseXml(files.get(`xl/worksheets/sheet${i + 1}.xml`)!)]));
}

/** The cells whose style is unlocked: the input cells of a protected sheet. */
async function unlockedStyles(bytes: Uint8Array): Promise<Set<number>> {
  const styles = parseXml((await parts(bytes)).get('xl/styles.xml')!);
  const xfs = find(find(styles, 'cellXfs')[0], 'xf');
  return new Set(xfs.flatMap((xf, i) => (find(xf, 'protection').some((p) => p.attrs.locked === '0') ? [i] : [])));
}

const covers = (sqref: string, row: number, col: number) =>
  sqref.split(/\s+/).some((part) => {
    const r = parseRangeRef(part)!;
    return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
  });

describe('the template’s data validations', () => {
  it('cover every input cell, each with an input message, and every stop or warning alert with a message', async () => {
    const bytes = await renderPlanToBuffer(plan);
    const unlocked = await unlockedStyles(bytes);
    let inputCells = 0;
    const uncovered: string[] = [];
    for (const [name, root] of await sheets(bytes)) {
      const validations = find(root, 'dataValidation');
      for (const v of validations) {
        expect({ sheet: name, sqref: v.attrs.sqref, showInputMessage: v.attrs.showInputMessage, promptTitle: Boolean(v.attrs.promptTitle), prompt: Boolean(v.attrs.prompt) }).toEqual({
          sheet: name,
          sqref: v.attrs.sqref,
          showInputMessage: '1',
          promptTitle: true,
          prompt: true,
        });
        if (v.attrs.showErrorMessage === '1') expect(v.attrs.error?.length).toBeGreaterThan(10);
      }
      for (const c of find(root, 'c')) {
        if (!unlocked.has(Number(c.attrs.s ?? 0))) continue;
        inputCells++;
        const { row, col } = { row: Number(/\d+/.exec(c.attrs.r)![0]), col: parseRangeRef(c.attrs.r)!.left };
        if (!validations.some((v) => covers(v.attrs.sqref, row, col))) uncovered.push(`${name}!${cellRef(row, col)}`);
      }
    }
    expect(uncovered).toEqual([]);
    // Every input cell of the plan is in the file (and was checked above).
    const planInputs = plan.sheets.flatMap((s) => s.blocks.flatMap((b) => heldRows(b).flatMap((line) => line.filter((_, c) => ({ ...b.style, ...b.columnStyles?.[c] }).locked === false))));
    expect(inputCells).toBe(planInputs.length);
  });

  it('never span a whole column: each covers the prepared rows of its area only', async () => {
    for (const [name, root] of await sheets(await renderPlanToBuffer(plan))) {
      for (const v of find(root, 'dataValidation')) {
        for (const part of v.attrs.sqref.split(/\s+/)) {
          expect(part).toMatch(/^[A-Z]+\d+(:[A-Z]+\d+)?$/);
          const r = parseRangeRef(part)!;
          expect({ sheet: name, part, rows: r.bottom - r.top + 1 <= 60 }).toEqual({ sheet: name, part, rows: true });
        }
      }
    }
  });

  it('are in ECMA-376 order, and Stop for amounts, years, dates, lists and goals', async () => {
    const files = await parts(await renderPlanToBuffer(plan));
    for (const [name, xml] of files) if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) expect(orderProblems(parseXml(xml), name)).toEqual([]);
    const types = plan.sheets.flatMap((s) => s.validations ?? []).map((v) => `${v.kind}:${v.strict ? 'stop' : 'warning'}`);
    expect(new Set(types)).toEqual(new Set(['list:stop', 'whole:stop', 'date:stop', 'decimal:stop', 'custom:stop', 'textLength:warning']));
  });

  const tools = runsWith('openpyxl') && runsWith('soffice') ? it : it.skip;
  tools('openpyxl reads them without a warning, LibreOffice keeps every one, and the goals rule accepts what the reader accepts', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dv-'));
    const file = path.join(dir, 'skabelon.xlsx');
    await writePlan(plan, file);
    const script = `
import sys, warnings, json
warnings.simplefilter("error")
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps({ws.title: len(ws.data_validations.dataValidation) for ws in wb.worksheets}))`;
    const counts = (f: string) => JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, f], { encoding: 'utf8' })) as Record<string, number>;
    const written = counts(file);
    expect(written).toEqual(Object.fromEntries(plan.sheets.map((s) => [s.name, s.validations?.length ?? 0])));
    execFileSync('soffice', ['--headless', '--calc', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', path.join(dir, 'lo'), file], { stdio: 'pipe' });
    const resaved = path.join(dir, 'lo', 'skabelon.xlsx');
    // LibreOffice may merge validations that are alike; none is lost: every input cell is still covered.
    const lo = await sheets(new Uint8Array(readFileSync(resaved)));
    for (const s of plan.sheets) {
      const kept = find(lo.get(s.name)!, 'dataValidation');
      for (const v of s.validations ?? []) {
        const r = parseRangeRef(v.ref)!;
        expect({ sheet: s.name, ref: v.ref, kept: kept.some((k) => covers(k.attrs.sqref, r.top, r.left) && covers(k.attrs.sqref, r.bottom, r.right) && k.attrs.prompt === v.prompt) }).toEqual({
          sheet: s.name,
          ref: v.ref,
          kept: true,
        });
      }
    }
    // LibreOffice evaluates the goals rule: typed values it accepts and refuses, read back through its own formulas.
    const goals = plan.sheets.flatMap((s) => s.validations ?? []).find((v) => v.kind === 'custom')!;
    const check = `
import sys
cases = ${JSON.stringify(['a', 'A', 'a, c', 'a;c', 'a og c', 'a/c', 'a) og c)', 'mål b', 'a-c', 'h', '1', 'lilla', 'ca. 600.000'])}
import openpyxl
wb = openpyxl.Workbook(); ws = wb.active
for i, t in enumerate(cases, start=1):
    ws.cell(row=i, column=3, value=t)
    ws.cell(row=i, column=4, value="=" + sys.argv[2].replace("C5", "C%d" % i))
wb.save(sys.argv[1])`;
    const probe = path.join(dir, 'goals.xlsx');
    // The rule is written for its range's top-left cell; the probe puts the text in column C of each row.
    const topLeft = goals.ref.split(':')[0];
    execFileSync('/usr/bin/python3', ['-c', check, probe, goals.formula!.split(topLeft).join('C5')], { stdio: 'pipe' });
    execFileSync('soffice', ['--headless', '--calc', '--convert-to', 'csv', '--outdir', dir, probe], { stdio: 'pipe' });
    const results = readFileSync(path.join(dir, 'goals.csv'), 'utf8').trim().split('\n').map((line) => line.split(',').pop()!.trim());
    expect(results).toEqual(['TRUE', 'TRUE', 'TRUE', 'TRUE', 'TRUE', 'TRUE', 'TRUE', 'TRUE', 'TRUE', 'FALSE', 'FALSE', 'FALSE', 'FALSE']);
  }, 120_000);
});

describe('the template printed', () => {
  it('repeats each list sheet’s header row on every printed page', async () => {
    const workbook = parseXml((await parts(await renderPlanToBuffer(plan))).get('xl/workbook.xml')!);
    const titles = new Map(
      find(workbook, 'definedName')
        .filter((d) => d.attrs.name === '_xlnm.Print_Titles')
        .map((d) => [plan.sheets[Number(d.attrs.localSheetId)].name, d.text]),
    );
    const lists = plan.sheets.filter((s) => s.frozen?.rows);
    expect(lists.length).toBeGreaterThanOrEqual(5);
    for (const s of lists) {
      const row = s.frozen!.rows;
      // The sheet's name is quoted only where it must be.
      expect({ sheet: s.name, titles: titles.get(s.name)?.replace(/^'(.*)'!/, '$1!') }).toEqual({ sheet: s.name, titles: `${s.name}!$${row}:$${row}` });
    }
  });
});
