/** Reading survives what people and programs do to a filled-in template. */
import ExcelJS from 'exceljs';
import { buildTemplatePlan } from '../../src/core/template/plan';
import { planToWorkbook } from '../helpers/workbook';
import { parseXlsx } from '../../src/hosts/xlsx/files';
import { SHEET_NAMES } from '../../src/core/template/definition';
import { diagnosticMessage } from '../../src/core/diagnostics';
import type { TemplateFill } from '../../src/core/template/fill';

const initiative = (name: string, economy: unknown[]) => ({
  name,
  goals: 'a',
  targetGroup: 'Unge',
  activity: 'Aktivitet',
  expectedResult: 'Resultat',
  status: 'Status',
  followUp: 'Opfølgning',
  economy: economy as never,
});

async function readAfter(fill: TemplateFill, edit: (wb: ExcelJS.Workbook) => void = () => {}, unit: 'kr' | 'mkr' = 'kr') {
  const wb = await planToWorkbook(buildTemplatePlan({ firstYear: 2011, unit, administration: 'BUF' }, fill));
  edit(wb);
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return parseXlsx(bytes);
}

describe('amounts', () => {
  it('reads numbers, formulas (cached results) and Danish text; blank stays blank', async () => {
    const { submission, diagnostics } = await readAfter(
      { policy: [initiative('Tal og tekst', [12.3, '1.234.567', '1.234.567 kr.', null])] },
      (wb) => {
        wb.getWorksheet(SHEET_NAMES.policy)!.getCell('K5').value = { formula: '1000*2', result: 2000 } as ExcelJS.CellFormulaValue;
      },
    );
    expect(submission.policyInitiatives[0].economy.map((e) => e.amount)).toEqual([12.3, 1_234_567, 1_234_567, 2000]);
    expect(diagnostics).toEqual([]);
  });

  it('converts to kr. from the cover unit, and a unit in the cell wins', async () => {
    const { submission } = await readAfter({ policy: [initiative('Mio', [12.3, '12,3 mio.', '450.000 kr.', '0,07'])] }, undefined, 'mkr');
    expect(submission.policyInitiatives[0].economy.map((e) => e.amount)).toEqual([12_300_000, 12_300_000, 450_000, 70_000]);
  });

  it('reports text that is not a number, and formula errors, at their cells', async () => {
    const { submission, diagnostics } = await readAfter({ policy: [initiative('Fejl', ['ca. 600.000', 100, null, null])] }, (wb) => {
      wb.getWorksheet(SHEET_NAMES.policy)!.getCell('J5').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
    });
    expect(submission.policyInitiatives[0].economy.map((e) => e.amount)).toEqual([null, 100, null, null]);
    expect(diagnostics.map((d) => [d.code, d.sheet, d.cell, d.value])).toEqual([
      ['NOT_A_NUMBER', SHEET_NAMES.policy, 'H5', 'ca. 600.000'],
      ['CELL_ERROR', SHEET_NAMES.policy, 'J5', '#DIV/0!'],
    ]);
  });
});

describe('rows', () => {
  it('skips blank rows and reads rows typed below the prepared area', async () => {
    const { submission } = await readAfter({ policy: [initiative('Første', [1, 1, 1, 1]), null, null, initiative('Efter to tomme', [2, 2, 2, 2])] }, (wb) => {
      const ws = wb.getWorksheet(SHEET_NAMES.policy)!;
      ws.getCell('A80').value = 'Langt nede';
      ws.getCell('H80').value = 5;
    });
    expect(submission.policyInitiatives.map((i) => [i.name, i.source.row])).toEqual([
      ['Første', 5],
      ['Efter to tomme', 8],
      ['Langt nede', 80],
    ]);
  });

  it('ignores extra columns to the right and finds columns by header when they are moved', async () => {
    const { submission } = await readAfter({ policy: [initiative('Flyttet', [1, 2, 3, 4])] }, (wb) => {
      const ws = wb.getWorksheet(SHEET_NAMES.policy)!;
      ws.getCell('N4').value = 'Egen kolonne';
      ws.getCell('N5').value = 'ignoreres';
      // swap the "Aktivitet" and "Målgruppe" columns, headers and values
      for (const r of [4, 5]) {
        const c = ws.getCell(`C${r}`).value;
        ws.getCell(`C${r}`).value = ws.getCell(`D${r}`).value;
        ws.getCell(`D${r}`).value = c;
      }
    });
    expect(submission.policyInitiatives[0]).toMatchObject({ name: 'Flyttet', targetGroup: 'Unge', activity: 'Aktivitet' });
    expect(submission.policyInitiatives[0].economy.map((e) => e.amount)).toEqual([1, 2, 3, 4]);
  });

  it('finds a renamed sheet whose defined name was lost by its headers', async () => {
    const { submission, diagnostics } = await readAfter({ other: [initiative('Omdøbt', [1, 1, 1, 1])] }, (wb) => {
      wb.getWorksheet(SHEET_NAMES.other)!.name = 'Andre indsatser';
      wb.definedNames.remove(`'${SHEET_NAMES.other}'!$A$4:$L$34`, 'IB_IndsatserOevrige');
    });
    expect(submission.otherInitiatives.map((i) => i.name)).toEqual(['Omdøbt']);
    expect(diagnostics.map((d) => [d.code, d.sheet])).toEqual([['AREA_FOUND_BY_LABELS', 'Andre indsatser']]);
  });

  it('says which area is missing when a sheet was deleted', async () => {
    const { submission, diagnostics } = await readAfter({}, (wb) => {
      wb.removeWorksheet(wb.getWorksheet(SHEET_NAMES.projects)!.id);
    });
    expect(submission.projects).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'AREA_MISSING', params: { area: 'projects' } })]);
    expect(diagnosticMessage(diagnostics[0])).toContain(`forventet på arket ${SHEET_NAMES.projects}`);
  });
});

describe('projects', () => {
  it('reads each row of Succeskriterier as a criterion of the project it names, with its figure per quarter', async () => {
    const { submission } = await readAfter({
      projects: [
        { name: 'P1', fund: 'Pulje', funding: [100000], q1: 'Grøn', q2: 'red' },
        { name: 'P2', funding: [50000] },
      ],
      criteria: [
        { project: 'P1', indicator: 'Borgere', target: 'mindst 25', achievedQ1: 4, achievedQ2: '10' },
        { project: 'p1', indicator: 'Besøg', target: 25, achievedQ1: 5 },
      ],
    });
    expect(submission.projects.map((p) => [p.name, p.criteria.map((c) => [c.indicator, c.target, c.quarterly])])).toEqual([
      ['P1', [['Borgere', 25, [4, 10, null, null]], ['Besøg', 25, [5, null, null, null]]]],
      ['P2', []],
    ]);
    expect(submission.unassignedCriteria).toEqual([]);
    expect(submission.projects[0].colours.map((c) => c.colour)).toEqual(['green', 'red', null, null]);
    expect(submission.projects[0].fundingTotal).toBe(100000);
  });

  it('reports an error value in a quarter’s figure once, with its cell, and reads the figure as not given', async () => {
    const { submission, diagnostics } = await readAfter(
      { projects: [{ name: 'P1', funding: [100000] }], criteria: [{ project: 'P1', indicator: 'Borgere', target: 25, achievedQ1: 4 }] },
      (wb) => {
        wb.getWorksheet(SHEET_NAMES.criteria)!.getCell('E5').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
      },
    );
    expect(diagnostics.filter((d) => d.code === 'CELL_ERROR').map((d) => `${d.sheet}!${d.cell}`)).toEqual(['Succeskriterier!E5']);
    expect(submission.projects[0].criteria[0].quarterly).toEqual([4, null, null, null]);
  });
});
