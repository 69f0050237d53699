/**
 * Template 1.1's Table 1 computes itself: right cached results from the writer, computed by the reader where a
 * program saved the file without results (openpyxl), recalculated by LibreOffice, and still reconciled when typed over.
 * Files of template 1.0 are still read and validated.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cellRef } from '../../src/core/cells';
import { heldRows, isDate, isFormula, type PlanValue, type WorkbookPlan } from '../../src/core/plan/types';
import { POLICY_AREA, TABLE1, TEMPLATE_VERSION, expandColumns } from '../../src/core/template/definition';
import type { TemplateFill } from '../../src/core/template/fill';
import { buildTemplatePlan } from '../../src/core/template/plan';
import { validate } from '../../src/core/validate/validate';
import { parseXlsx, writePlan } from '../../src/hosts/xlsx/files';
import { MemoryWorkbook } from '../helpers/memoryWorkbook';
import { readSubmission } from '../../src/core/parse/submission';
import { policyInitiative, validFill, where } from '../helpers/statement';
import { runsWith } from '../helpers/tools';

const OPTIONS = { firstYear: 2011, unit: 'kr', administration: 'KFF' } as const;

/** The valid statement with Table 1 left to its formulas, and one more initiative typed below the prepared rows. */
function fill(): TemplateFill {
  const f = validFill();
  delete f.table1;
  return f;
}

const BELOW = { ...policyInitiative, name: 'Sommerskole', goals: 'a', economy: [25_000, 0, 0, 10_000] };
/** The row two below the prepared rows (after a blank one), where programs and people append. */
const belowRow = POLICY_AREA.headerRow + POLICY_AREA.inputRows + 2;

/** Table 1 as it must come out: rows 1-3 the sums of the sheets, I ALT their sum. */
const EXPECTED_TABLE1 = {
  policy: [125_000, 100_000, 100_000, 110_000],
  other: [50_000, 50_000, 50_000, 50_000],
  projects: [150_000, 0, 0, 0],
  total: [325_000, 150_000, 150_000, 160_000],
};

async function table1And(file: Uint8Array) {
  const parsed = await parseXlsx(file);
  const rows = Object.fromEntries(parsed.submission.table1.rows.map((r) => [r.key, r.amounts.map((a) => a.amount)]));
  return { rows, findings: where(validate(parsed)), version: parsed.submission.template.version };
}

/** Every input cell the plan fills in, as [sheet, cell, value] for a program that types values only. */
function typedCells(plan: WorkbookPlan): [string, string, string | number | boolean | { date: string }][] {
  const out: [string, string, string | number | boolean | { date: string }][] = [];
  for (const sheet of plan.sheets) {
    for (const block of sheet.blocks) {
      heldRows(block).forEach((line, r) =>
        line.forEach((v: PlanValue, c) => {
          const style = { ...block.style, ...block.columnStyles?.[c] };
          if (v === null || isFormula(v) || style.locked !== false) return;
          out.push([sheet.name, cellRef(block.row + r, block.col + c), isDate(v) ? { date: v.date } : v]);
        }),
      );
    }
  }
  return out;
}

/** openpyxl types the values into the blank template and saves it: formulas are kept, their results dropped. */
const FILL_SCRIPT = `
import json, sys
from datetime import date
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for sheet, ref, v in json.load(open(sys.argv[2], encoding="utf-8")):
    if isinstance(v, dict):
        v = date(*map(int, v["date"].split("-")))
    wb[sheet][ref] = v
wb.save(sys.argv[3])
`;

function fillWithOpenpyxl(dir: string, extra: [string, string, string | number][] = []): string {
  const template = path.join(dir, 'skabelon.xlsx');
  const cells = [...typedCells(buildTemplatePlan(OPTIONS, fill())), ...extra];
  const below = expandColumns(POLICY_AREA, [2011, 2012, 2013, 2014]).flatMap((c, i): [string, string, string | number][] => {
    const v = c.year === undefined ? BELOW[c.key as keyof typeof BELOW] : (BELOW.economy[c.year - 2011] as number);
    return c.kind === 'rowTotal' || v === undefined ? [] : [[POLICY_AREA.sheet, cellRef(belowRow, i + 1), v as string | number]];
  });
  writeFileSync(path.join(dir, 'cells.json'), JSON.stringify([...cells, ...below]));
  const out = path.join(dir, 'udfyldt.xlsx');
  execFileSync('/usr/bin/python3', ['-c', FILL_SCRIPT, template, path.join(dir, 'cells.json'), out], { stdio: 'pipe' });
  return out;
}

describe('Table 1 of template 1.1', () => {
  it('is written as formulas whose cached results are the sums of the filled-in sheets', async () => {
    const plan = buildTemplatePlan(OPTIONS, { ...fill(), policy: [policyInitiative, ...Array(POLICY_AREA.inputRows + 1).fill(null), BELOW] });
    const dir = mkdtempSync(path.join(tmpdir(), 't1-'));
    await writePlan(plan, path.join(dir, 'a.xlsx'));
    const { rows, findings, version } = await table1And(new Uint8Array(readFileSync(path.join(dir, 'a.xlsx'))));
    expect(version).toBe(TEMPLATE_VERSION);
    expect(findings).toEqual([]);
    expect(rows).toEqual(EXPECTED_TABLE1);
  });

  it('is computed by the reader where a program saved it without results, and never read as 0', async () => {
    const wb = MemoryWorkbook.fromPlanUncalculated(buildTemplatePlan(OPTIONS, fill()));
    const parsed = await readSubmission(wb);
    expect(where(validate(parsed))).toEqual([]);
    expect(parsed.submission.table1.rows.find((r) => r.key === 'total')!.total).toBe(400_000 + 200_000 + 150_000);
    // A cell it refers to that cannot be computed leaves Table 1's cell unknown and reported, not 0.
    const broken = MemoryWorkbook.fromPlanUncalculated(buildTemplatePlan(OPTIONS, fill())).setFormula(POLICY_AREA.sheet, 'H5', 'NOW()');
    const findings = where(validate(await readSubmission(broken)));
    expect(findings).toEqual([
      `FORMULA_NOT_CALCULATED ${POLICY_AREA.sheet}!H5`,
      ...['B5', 'F5', 'B8', 'F8'].map((cell) => `FORMULA_NOT_CALCULATED ${TABLE1.sheet}!${cell}`),
    ]);
  });

  const withTools = runsWith('openpyxl') && runsWith('soffice') ? it : it.skip;
  withTools('filled by openpyxl (values only) validates clean, with Table 1 computed; re-saved by LibreOffice the same', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 't1-openpyxl-'));
    await writePlan(buildTemplatePlan(OPTIONS), path.join(dir, 'skabelon.xlsx'));
    const filled = fillWithOpenpyxl(dir);
    const xml = execFileSync('/usr/bin/python3', ['-c', 'import sys,zipfile; print(zipfile.ZipFile(sys.argv[1]).read("xl/worksheets/sheet5.xml").decode())', filled], { encoding: 'utf8' });
    // openpyxl kept the formulas and dropped their results: what the reader then computes.
    expect(xml).toMatch(/<c r="B5"[^>]*><f>SUM\('Indsatser m(?:å|&#229;)l a-g'!\$H\$5:\$H\$1048576\)<\/f><v\s*\/?>(?:<\/v>)?<\/c>/);
    const byOpenpyxl = await table1And(new Uint8Array(readFileSync(filled)));
    expect(byOpenpyxl).toEqual({ rows: EXPECTED_TABLE1, findings: [], version: TEMPLATE_VERSION });

    execFileSync('soffice', ['--headless', '--calc', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', path.join(dir, 'lo'), filled], { stdio: 'pipe' });
    const resaved = new Uint8Array(readFileSync(path.join(dir, 'lo', 'udfyldt.xlsx')));
    expect(await table1And(resaved)).toEqual({ rows: EXPECTED_TABLE1, findings: [], version: TEMPLATE_VERSION });
  }, 120_000);

  withTools('typed over by openpyxl with other figures still gets T1_RECONCILE', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 't1-typed-'));
    await writePlan(buildTemplatePlan(OPTIONS), path.join(dir, 'skabelon.xlsx'));
    const filled = fillWithOpenpyxl(dir, [
      [TABLE1.sheet, 'B5', 100_000],
      [TABLE1.sheet, 'C5', 100_000],
      [TABLE1.sheet, 'D5', 100_000],
      [TABLE1.sheet, 'E5', 110_000],
    ]);
    const { rows, findings } = await table1And(new Uint8Array(readFileSync(filled)));
    expect(rows.policy).toEqual([100_000, 100_000, 100_000, 110_000]);
    expect(findings).toEqual([`T1_RECONCILE ${TABLE1.sheet}!B5`]);
  }, 60_000);

  it('a statement in template 1.0 (Table 1 typed, filled by openpyxl) is still read and validated', async () => {
    const file = new Uint8Array(readFileSync(path.join(__dirname, '..', 'fixtures', 'kff-openpyxl-filled-1.0.xlsx')));
    const parsed = await parseXlsx(file);
    expect(parsed.submission.template).toEqual({ id: 'kk-integration-budget', version: '1.0' });
    // Read with the fields 1.1 added empty, and said so (the only finding).
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(['TEMPLATE_VERSION_OLDER']);
    // Its project "Alle for én" ran 2009–2010 but has co-financing typed for 2011: a warning since template 1.1's rules.
    expect(where(validate(parsed))).toEqual(['PROJ_FUNDING_OUTSIDE_PERIOD Monitorerede projekter!E6', 'TEMPLATE_VERSION_OLDER Skabeloninfo!B2']);
    expect(parsed.submission.table1.rows.find((r) => r.key === 'policy')!.amounts.every((a) => a.amount !== null)).toBe(true);
  });
});
