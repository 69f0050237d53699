/** Builds filled-in templates as .xlsx files (changed in exceljs where a test needs it) and reads them back with the file reader. */
import ExcelJS from 'exceljs';
import type { Diagnostic } from '../../src/core/diagnostics';
import type { UnitCode } from '../../src/core/domain';
import type { TemplateFill } from '../../src/core/template/fill';
import { buildTemplatePlan } from '../../src/core/template/plan';
import { validate, type ValidationOptions } from '../../src/core/validate/validate';
import { parseXlsx } from '../../src/hosts/xlsx/files';
import type { WorkbookPlan } from '../../src/core/plan/types';
import { renderPlanToBuffer } from '../../src/hosts/xlsx/renderPlan';

/** The rendered plan opened in exceljs, for tests that then change the workbook the way another program would. */
export async function planToWorkbook(plan: WorkbookPlan): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await renderPlanToBuffer(plan)) as unknown as ArrayBuffer);
  return wb;
}

export { otherInitiative, policyInitiative, project, validFill } from './statement';

export async function workbookBytes(fill: TemplateFill, edit: (wb: ExcelJS.Workbook) => void = () => {}, unit: UnitCode = 'kr', firstYear = 2011): Promise<Uint8Array> {
  const wb = await planToWorkbook(buildTemplatePlan({ firstYear, unit, administration: 'KFF' }, fill));
  edit(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function findings(
  fill: TemplateFill,
  edit?: (wb: ExcelJS.Workbook) => void,
  opts: { unit?: UnitCode; firstYear?: number; validation?: ValidationOptions } = {},
): Promise<Diagnostic[]> {
  const parsed = await parseXlsx(await workbookBytes(fill, edit, opts.unit, opts.firstYear));
  return validate(parsed, opts.validation);
}

export { where } from './statement';
