/** The in-memory workbook the rule tests use reads exactly as the written .xlsx reads: same sheets, cells, formats and names. */
import { buildConsolidatedPlan } from '../../src/core/consolidate/plan';
import { consolidate } from '../../src/core/consolidate/consolidate';
import { readSubmission } from '../../src/core/parse/submission';
import type { WorkbookPlan } from '../../src/core/plan/types';
import type { WorkbookReader } from '../../src/core/reader';
import { buildTemplatePlan } from '../../src/core/template/plan';
import { statusOf, validate } from '../../src/core/validate/validate';
import { EXAMPLES, exampleFill, exampleTemplateOptions } from '../../src/examples/submissions';
import { loadWorkbookBytes } from '../../src/hosts/xlsx/bytes';
import { renderPlanToBuffer } from '../../src/hosts/xlsx/renderPlan';
import { MemoryWorkbook } from '../helpers/memoryWorkbook';

async function contents(reader: WorkbookReader) {
  const sheets = await reader.listSheets();
  return { sheets, names: await reader.definedNames(), values: await Promise.all(sheets.map((s) => reader.readSheet(s.name))) };
}

async function written(plan: WorkbookPlan): Promise<WorkbookReader> {
  return loadWorkbookBytes(await renderPlanToBuffer(plan));
}

async function consolidatedPlan(): Promise<WorkbookPlan> {
  const inputs = await Promise.all(
    EXAMPLES.map(async (e) => {
      const parsed = await readSubmission(MemoryWorkbook.fromPlan(buildTemplatePlan(exampleTemplateOptions(e), exampleFill(e))));
      const diagnostics = validate(parsed);
      return { file: { name: e.file, size: 1, sha256: e.file }, status: statusOf(diagnostics, false), diagnostics, submission: parsed.submission };
    }),
  );
  return buildConsolidatedPlan(consolidate(inputs, { generatedAt: '2010-06-01T12:00:00Z', productVersion: 'test' }));
}

describe('MemoryWorkbook', () => {
  it.each(EXAMPLES.map((e) => [e.file, e] as const))('reads the example %s as the written file reads', async (_file, e) => {
    const plan = buildTemplatePlan(exampleTemplateOptions(e), exampleFill(e));
    expect(await contents(MemoryWorkbook.fromPlan(plan))).toEqual(await contents(await written(plan)));
  });

  it('reads the blank template and the consolidated workbook (tables, merges) as the written files read', async () => {
    for (const plan of [buildTemplatePlan({ firstYear: 2011, unit: 'mkr' }), await consolidatedPlan()]) {
      expect(await contents(MemoryWorkbook.fromPlan(plan))).toEqual(await contents(await written(plan)));
    }
  });

  it('can be edited as a file can: a typed value, a cleared cell, a number format, a removed sheet or name', async () => {
    const wb = MemoryWorkbook.fromPlan(buildTemplatePlan({ firstYear: 2011 }));
    wb.set('Forside', 'C8', 'Anne').set('Forside', 'C4', null).format('Forside', 'C5', '0.00').removeName('IB_Frist').removeSheet('Skabeloninfo');
    expect(wb.get('Forside', 'C8')).toBe('Anne');
    const cover = await wb.readSheet('Forside');
    expect(cover.values[4 - cover.top][3 - cover.left]).toBeNull();
    expect(cover.numberFormats[5 - cover.top][3 - cover.left]).toBe('0.00');
    expect((await wb.definedNames()).map((n) => n.name)).not.toContain('IB_Frist');
    expect((await wb.listSheets()).map((s) => s.name)).not.toContain('Skabeloninfo');
  });
});
