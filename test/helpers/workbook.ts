/** Builds filled-in templates in memory and reads them back, for tests that change one thing at a time. */
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

export const project = {
  name: 'Bydelsmødre',
  fund: 'Puljen',
  start: { date: '2009-01-01' },
  end: { date: '2011-12-31' },
  funding: [150_000, 0, 0, 0],
  indicator: 'Kvinder nået',
  target: 100,
  achieved: 80,
  q1: 'grøn',
  q2: 'grøn',
  q3: 'gul',
  q4: 'grøn',
  actionPlan: null,
};

export const policyInitiative = {
  name: 'Lektiecafé',
  goals: 'a',
  targetGroup: 'Unge 12-17 år',
  activity: 'Lektiehjælp',
  expectedResult: 'Bedre karakterer',
  status: 'I gang',
  followUp: 'Karakterstatistik',
  economy: [100_000, 100_000, 100_000, 100_000],
};

export const otherInitiative = { ...policyInitiative, name: 'Ligebehandling', goals: 'Ligebehandling', economy: [50_000, 50_000, 50_000, 50_000] };

/** A complete, valid statement in kr. for 2011-2014. */
export function validFill(): TemplateFill {
  return {
    cover: { contact: 'Anne Andersen', email: 'anne@kk.dk', submissionDate: { date: '2010-05-01' } },
    goals: {
      a: { relevant: 'Ja', status: 'På vej', realistic: 'Ja' },
      b: { relevant: 'Nej' },
      c: { relevant: 'Nej' },
      d: { relevant: 'Nej' },
      e: { relevant: 'Nej' },
      f: { relevant: 'Nej' },
      g: { relevant: 'Nej' },
    },
    policy: [{ ...policyInitiative }],
    other: [{ ...otherInitiative }],
    projects: [{ ...project }],
    table1: { policy: [100_000, 100_000, 100_000, 100_000], other: [50_000, 50_000, 50_000, 50_000], projects: [150_000, 0, 0, 0] },
  };
}

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

/** Findings as "CODE sheet!cell" lines, easy to compare. */
export function where(list: Diagnostic[]): string[] {
  return list.map((d) => `${d.code} ${d.sheet ?? ''}${d.cell ? `!${d.cell}` : ''}`);
}
