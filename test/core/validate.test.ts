/** Every rule: a case that breaks it and the same case fixed. */
import type ExcelJS from 'exceljs';
import { SHEET_NAMES } from '../../src/core/template/definition';
import type { TemplateFill } from '../../src/core/template/fill';
import { diagnosticMessage } from '../../src/core/diagnostics';
import { findings, otherInitiative, policyInitiative, project, validFill, where } from '../helpers/workbook';

type Change = (f: TemplateFill) => void;

function changed(change: Change): TemplateFill {
  const f = validFill();
  change(f);
  return f;
}

const codes = async (change: Change, edit?: (wb: ExcelJS.Workbook) => void, opts?: Parameters<typeof findings>[2]) =>
  where(await findings(changed(change), edit, opts));

const setCell = (sheet: string, ref: string, value: ExcelJS.CellValue) => (wb: ExcelJS.Workbook) => {
  wb.getWorksheet(sheet)!.getCell(ref).value = value;
};

describe('a complete statement', () => {
  it('has no findings', async () => {
    expect(await codes(() => {})).toEqual([]);
  });
});

describe('cover', () => {
  it.each<[string, Change, (wb: ExcelJS.Workbook) => void, string[]]>([
    ['administration missing', () => {}, setCell(SHEET_NAMES.cover, 'C4', null), ['COVER_ADMIN_MISSING Forside!C4']],
    ['administration unknown', () => {}, setCell(SHEET_NAMES.cover, 'C4', 'XYZ – Fiktivforvaltningen'), ['COVER_ADMIN_UNKNOWN Forside!C4']],
    ['first year missing', () => {}, setCell(SHEET_NAMES.cover, 'C5', null), ['COVER_FIRST_YEAR_MISSING Forside!C5']],
    ['unit missing', () => {}, setCell(SHEET_NAMES.cover, 'C7', null), ['COVER_UNIT_MISSING Forside!C7']],
    ['unit unknown', () => {}, setCell(SHEET_NAMES.cover, 'C7', 'euro'), ['COVER_UNIT_UNKNOWN Forside!C7']],
  ])('%s', async (_name, change, edit, expected) => {
    expect(await codes(change, edit)).toEqual(expected);
  });

  it('budget years that do not match Table 1 and the sheets', async () => {
    expect(await codes(() => {}, setCell(SHEET_NAMES.cover, 'C5', 2012))).toEqual([
      'COVER_YEARS_MISMATCH Indsatser mål a-g!H4',
      'COVER_YEARS_MISMATCH Indsatser øvrige mål!H4',
      'COVER_YEARS_MISMATCH Tabel 1!B4',
      'COVER_YEARS_MISMATCH Monitorerede projekter!E4',
    ]);
  });

  it('contact and date missing are warnings', async () => {
    const list = await findings(changed((f) => (f.cover = { submissionDate: null, contact: null })));
    expect(where(list)).toEqual(['COVER_CONTACT_MISSING Forside!C8', 'COVER_DATE_MISSING Forside!C10']);
    expect(list.map((d) => d.severity)).toEqual(['warning', 'warning']);
  });

  it('a date after the deadline is a warning; on the deadline it is fine', async () => {
    expect(await codes((f) => (f.cover!.submissionDate = { date: '2010-05-16' }))).toEqual(['COVER_AFTER_DEADLINE Forside!C10']);
    expect(await codes((f) => (f.cover!.submissionDate = { date: '2010-05-15' }))).toEqual([]);
    expect(where(await findings(validFill(), undefined, { validation: { deadline: '2010-04-30' } }))).toEqual(['COVER_AFTER_DEADLINE Forside!C10']);
  });

  it('the status year is needed when projects are monitored', async () => {
    expect(await codes(() => {}, setCell(SHEET_NAMES.cover, 'C12', null))).toEqual(['COVER_STATUS_YEAR_MISSING Forside!C12']);
    expect(await codes((f) => (f.projects = []), setCell(SHEET_NAMES.cover, 'C12', null))).toEqual([]);
  });
});

describe('goals a-g', () => {
  it.each<[string, Change, string[]]>([
    ['not marked relevant or not', (f) => (f.goals!.b = {}), ['GOAL_RELEVANT_MISSING Mål a-g!C5']],
    ['relevant without status', (f) => (f.goals!.a = { relevant: 'Ja', realistic: 'Ja' }), ['GOAL_STATUS_MISSING Mål a-g!D4']],
    ['relevant without saying if realistic', (f) => (f.goals!.a = { relevant: 'Ja', status: 'x' }), ['GOAL_REALISTIC_MISSING Mål a-g!E4']],
    ['not realistic without needed initiatives', (f) => (f.goals!.a = { relevant: 'Ja', status: 'x', realistic: 'Nej' }), ['GOAL_NEEDED_MISSING Mål a-g!F4']],
    ['not realistic with needed initiatives', (f) => (f.goals!.a = { relevant: 'Ja', status: 'x', realistic: 'Nej', neededInitiatives: 'Flere midler' }), []],
    ['an initiative serving a goal marked not relevant', (f) => (f.policy![0]!.goals = 'a, b'), ['GOAL_NOT_RELEVANT_USED Indsatser mål a-g!B5']],
    ['yes/no typed another way', (f) => (f.goals!.a = { relevant: 'ja', status: 'x', realistic: 'JA' }), []],
    ['yes/no that is neither', (f) => (f.goals!.a = { relevant: 'måske', status: 'x', realistic: 'Ja' }), ['NOT_YES_NO Mål a-g!C4', 'GOAL_RELEVANT_MISSING Mål a-g!C4']],
  ])('%s', async (_name, change, expected) => {
    expect(await codes(change)).toEqual(expected);
  });
});

describe('initiatives for the policy goals', () => {
  it.each([
    ['name', 'A5'],
    ['targetGroup', 'C5'],
    ['activity', 'D5'],
    ['expectedResult', 'E5'],
    ['status', 'F5'],
    ['followUp', 'G5'],
  ] as const)('%s missing', async (field, cell) => {
    expect(await codes((f) => (f.policy![0]![field] = null))).toEqual([`INIT_FIELD_MISSING Indsatser mål a-g!${cell}`]);
  });

  it('economy missing in every year', async () => {
    expect(await codes((f) => (f.policy![0]!.economy = [null, null, null, null]), undefined)).toEqual([
      'INIT_FIELD_MISSING Indsatser mål a-g!H5',
      'T1_RECONCILE Tabel 1!B5',
      'T1_RECONCILE Tabel 1!C5',
      'T1_RECONCILE Tabel 1!D5',
      'T1_RECONCILE Tabel 1!E5',
    ]);
  });

  it.each(['a', 'A', 'a, c', 'a;c', 'a og c', 'a-c'])('goals "%s" are accepted', async (goals) => {
    const list = await codes((f) => {
      f.policy![0]!.goals = goals;
      for (const g of ['b', 'c'] as const) f.goals![g] = { relevant: 'Ja', status: 'x', realistic: 'Ja' };
    });
    expect(list).toEqual([]);
  });

  it.each(['h', '1', 'beskæftigelse', 'a og h'])('goals "%s" are refused', async (goals) => {
    expect(await codes((f) => (f.policy![0]!.goals = goals))).toEqual(['INIT_GOAL_INVALID Indsatser mål a-g!B5']);
  });

  it('no goal at all', async () => {
    expect(await codes((f) => (f.policy![0]!.goals = null))).toEqual(['INIT_GOAL_MISSING Indsatser mål a-g!B5']);
  });

  it('a negative amount', async () => {
    expect(
      await codes((f) => {
        f.policy![0]!.economy = [-100_000, 100_000, 100_000, 100_000];
        f.table1!.policy = [-100_000, 100_000, 100_000, 100_000];
      }),
    ).toEqual(['AMOUNT_NEGATIVE Indsatser mål a-g!H5', 'AMOUNT_NEGATIVE Tabel 1!B5']);
  });

  it('amounts that look like the wrong unit', async () => {
    const list = await codes((f) => {
      f.policy![0]!.economy = [12.3, 100_000, 100_000, 100_000];
      f.table1!.policy = [12.3, 100_000, 100_000, 100_000];
    });
    expect(list).toEqual(['AMOUNT_UNIT_SUSPECT Indsatser mål a-g!H5', 'AMOUNT_UNIT_SUSPECT Tabel 1!B5']);
    const mio = await findings(
      changed((f) => {
        f.policy![0]!.economy = [4_500_000_000, 0.1, 0.1, 0.1];
        f.other![0]!.economy = [0.05, 0.05, 0.05, 0.05];
        f.projects![0]!.funding = [0.15, 0, 0, 0];
        f.table1 = { policy: [4_500_000_000, 0.1, 0.1, 0.1], other: [0.05, 0.05, 0.05, 0.05], projects: [0.15, 0, 0, 0] };
      }),
      undefined,
      { unit: 'mkr' },
    );
    expect(where(mio)).toEqual(['AMOUNT_UNIT_SUSPECT Indsatser mål a-g!H5', 'AMOUNT_UNIT_SUSPECT Tabel 1!B5']);
    expect(diagnosticMessage(mio[0])).toContain('4.500.000.000 mio. kr.');
  });

  it('the same name twice is a warning', async () => {
    const list = await codes((f) => {
      f.policy = [{ ...policyInitiative }, { ...policyInitiative, name: 'lektiecafé ', economy: [0, 0, 0, 0] }];
    });
    expect(list).toEqual(['INIT_DUPLICATE_NAME Indsatser mål a-g!A6']);
  });
});

describe('initiatives for other goals', () => {
  it('the seven fields are required there too', async () => {
    expect(await codes((f) => (f.other![0]!.followUp = null))).toEqual(['INIT_FIELD_MISSING Indsatser øvrige mål!G5']);
  });

  it('a policy goal a-g there is a warning', async () => {
    expect(await codes((f) => (f.other![0]!.goals = 'c'))).toEqual(['OTHER_GOAL_IS_POLICY Indsatser øvrige mål!B5']);
    expect(await codes((f) => (f.other![0]!.goals = 'Ligebehandling af borgere'))).toEqual([]);
  });
});

describe('Table 1', () => {
  it('a row total that is not the sum of its years', async () => {
    // typed over the formula; Excel then recalculates I ALT's total from the rows' totals
    const edit = (wb: ExcelJS.Workbook) => {
      setCell(SHEET_NAMES.table1, 'F5', 500_000)(wb);
      setCell(SHEET_NAMES.table1, 'F8', { formula: 'SUM(F5:F7)', result: 500_000 + 200_000 + 150_000 } as ExcelJS.CellFormulaValue)(wb);
    };
    // …and I ALT's total no longer matches I ALT's years: true too, and gone once F5 is fixed
    expect(await codes(() => {}, edit)).toEqual(['T1_ROW_SUM Tabel 1!F5', 'T1_ROW_SUM Tabel 1!F8']);
  });

  it('an I ALT that is not the sum of the three rows', async () => {
    // I ALT's own total (a formula over the rows' totals) then no longer matches its years either
    expect(await codes(() => {}, setCell(SHEET_NAMES.table1, 'C8', 1))).toEqual(['T1_COLUMN_SUM Tabel 1!C8', 'T1_ROW_SUM Tabel 1!F8']);
    expect(await codes(() => {}, setCell(SHEET_NAMES.table1, 'F8', 1))).toEqual(['T1_ROW_SUM Tabel 1!F8', 'T1_COLUMN_SUM Tabel 1!F8']);
  });

  it('a number typed as text in Table 1 is reported', async () => {
    expect(await codes(() => {}, setCell(SHEET_NAMES.table1, 'B6', 'halvtreds tusind'))).toContain('NOT_A_NUMBER Tabel 1!B6');
  });

  describe('rounding (seed 001: 3,4 + 0,07 + 0,3 = 3,77 shown as 3,8)', () => {
    const seed = (total2011: number): Change => (f) => {
      f.policy = [];
      f.projects = [];
      f.other = [
        { ...otherInitiative, name: 'Psykiatri', economy: [3.4, 4.9, 12.4, 12.4] },
        { ...otherInitiative, name: 'Data', economy: [0.07, 0.07, 0.07, 0.07] },
        { ...otherInitiative, name: 'Handicap', economy: [0.3, null, null, null] },
      ];
      f.goals!.a = { relevant: 'Nej' };
      f.table1 = { policy: [0, 0, 0, 0], other: [total2011, 5.0, 12.5, 12.5], projects: [0, 0, 0, 0] };
    };

    it('accepts a total rounded to the one decimal shown', async () => {
      expect(where(await findings(changed(seed(3.8)), undefined, { unit: 'mkr' }))).toEqual([]);
    });

    it('flags a total that is not the rounded sum, showing both numbers', async () => {
      const list = await findings(changed(seed(3.9)), undefined, { unit: 'mkr' });
      expect(where(list)).toEqual(['T1_RECONCILE Tabel 1!B6']);
      expect(diagnosticMessage(list[0])).toBe(
        'Tabel 1 siger 3,9 mio. kr. for "Øvrige integrationsindsatser, hvor målet ligger udover integrationspolitikken" i 2011, men indsatserne på arket Indsatser øvrige mål summerer til 3,77 mio. kr.',
      );
    });

    it('holds a total shown with two decimals to two decimals', async () => {
      const list = await findings(changed(seed(3.8)), setCell(SHEET_NAMES.table1, 'B6', 3.8), { unit: 'mkr' });
      expect(where(list)).toEqual([]);
      const twoDecimals = await findings(changed(seed(3.8)), (wb) => { const c = wb.getWorksheet(SHEET_NAMES.table1)!.getCell('B6'); c.style = { ...c.style, numFmt: '0.00' }; }, { unit: 'mkr' });
      expect(where(twoDecimals)).toEqual(['T1_RECONCILE Tabel 1!B6']);
    });
  });

  it.each<[string, Change, string[]]>([
    ['row 1 against the policy initiatives', (f) => (f.table1!.policy = [100_000, 90_000, 100_000, 100_000]), ['T1_RECONCILE Tabel 1!C5']],
    ['row 2 against the other initiatives', (f) => (f.table1!.other = [0, 50_000, 50_000, 50_000]), ['T1_RECONCILE Tabel 1!B6']],
    ['row 3 against the projects’ funding', (f) => (f.table1!.projects = [150_000, 0, 0, 10_000]), ['T1_RECONCILE Tabel 1!E7']],
    ['row 3 is not checked when no project gives funding', (f) => (f.projects = [{ ...project, funding: [null, null, null, null] }]), ['PROJ_FUNDING_MISSING Monitorerede projekter!E5']],
  ])('reconciles %s', async (_name, change, expected) => {
    expect(await codes(change)).toEqual(expected);
  });
});

describe('monitored projects', () => {
  const p = (change: Partial<typeof project>): Change => (f) => (f.projects = [{ ...project, ...change }]);

  it.each<[string, Change, string[]]>([
    ['name missing', p({ name: null as never }), ['PROJ_NAME_MISSING Monitorerede projekter!A5']],
    ['start after end', p({ start: { date: '2012-01-01' } }), ['PROJ_PERIOD_ORDER Monitorerede projekter!C5']],
    ['period missing', p({ end: null as never }), ['PROJ_PERIOD_MISSING Monitorerede projekter!D5']],
    ['no success criterion', p({ indicator: null as never, target: null as never, achieved: null as never }), ['PROJ_CRITERIA_MISSING Monitorerede projekter!J5']],
    ['a criterion without target', p({ target: null as never }), ['PROJ_TARGET_MISSING Monitorerede projekter!K5']],
    ['a reported quarter without colour', p({ q2: null as never }), ['PROJ_COLOUR_MISSING Monitorerede projekter!N5']],
    ['an unknown colour', p({ q2: 'lilla' }), ['PROJ_COLOUR_INVALID Monitorerede projekter!N5']],
    ['colours typed in English or capitals', p({ q1: 'Green', q2: 'YELLOW', q3: 'Grøn', q4: 'RØD', actionPlan: 'Plan' as never }), []],
    ['red without action plan', p({ q3: 'rød' }), ['PROJ_RED_NO_ACTION_PLAN Monitorerede projekter!Q5']],
    ['red with action plan', p({ q3: 'rød', actionPlan: 'Ny leder' as never }), []],
    ['quarters before the project started need no colour', p({ start: { date: '2009-07-01' }, q1: null as never, q2: null as never }), []],
  ])('%s', async (_name, change, expected) => {
    expect(await codes(change)).toEqual(expected);
  });

  it('below 100.000 kr. the project need not be monitored (info)', async () => {
    const list = await findings(
      changed((f) => {
        f.projects = [{ ...project, funding: [99_999, 0, 0, 0], indicator: null as never, target: null as never, q1: null as never }];
        f.table1!.projects = [99_999, 0, 0, 0];
      }),
    );
    expect(where(list)).toEqual(['PROJ_NOT_MONITORED Monitorerede projekter!A5']);
    expect(list[0].severity).toBe('info');
  });
});

describe('order of findings', () => {
  it('is by sheet, row and column, the same every time', async () => {
    const broken: Change = (f) => {
      f.projects = [{ ...project, q2: 'lilla' }];
      f.policy![0]!.activity = null;
      f.goals!.b = {};
      f.cover!.contact = null;
    };
    const first = await codes(broken);
    expect(first).toEqual([
      'COVER_CONTACT_MISSING Forside!C8',
      'GOAL_RELEVANT_MISSING Mål a-g!C5',
      'INIT_FIELD_MISSING Indsatser mål a-g!D5',
      'PROJ_COLOUR_INVALID Monitorerede projekter!N5',
    ]);
    expect(await codes(broken)).toEqual(first);
  });
});

describe('structure', () => {
  it.each<[string, (wb: ExcelJS.Workbook) => void, string[]]>([
    ['another template id', setCell(SHEET_NAMES.info, 'B1', 'andet-skema'), ['TEMPLATE_ID_UNKNOWN Skabeloninfo!B1']],
    ['an unknown template version', setCell(SHEET_NAMES.info, 'B2', '9.0'), ['TEMPLATE_VERSION_UNKNOWN Skabeloninfo!B2']],
    [
      'the template info sheet deleted',
      (wb) => wb.removeWorksheet(wb.getWorksheet(SHEET_NAMES.info)!.id),
      ['TEMPLATE_NOT_RECOGNISED '],
    ],
    ['a required column renamed', setCell(SHEET_NAMES.policy, 'D4', 'Hvad vi gør'), ['COLUMN_MISSING Indsatser mål a-g!A4']],
    ['a Table 1 row deleted', setCell(SHEET_NAMES.table1, 'A7', null), ['TABLE1_ROW_MISSING Tabel 1!A4']],
    ['a date that is not a date', setCell(SHEET_NAMES.cover, 'C10', 'i morgen'), ['NOT_A_DATE Forside!C10', 'COVER_DATE_MISSING Forside!C10']],
    ['a year that is not a year', setCell(SHEET_NAMES.cover, 'C12', 'sidste år'), ['NOT_A_YEAR Forside!C12', 'COVER_STATUS_YEAR_MISSING Forside!C12']],
    ['a formula error in an amount', setCell(SHEET_NAMES.other, 'I5', { formula: '#REF!*2', result: { error: '#REF!' } } as ExcelJS.CellFormulaValue), ['CELL_ERROR Indsatser øvrige mål!I5', 'T1_RECONCILE Tabel 1!C6']],
  ])('%s', async (_name, edit, expected) => {
    expect(await codes(() => {}, edit)).toEqual(expected);
  });

  it('a cover field whose label and name are both gone', async () => {
    const list = await codes(() => {}, (wb) => {
      wb.definedNames.remove("Forside!$C$8", 'IB_Kontaktperson');
      wb.getWorksheet(SHEET_NAMES.cover)!.getCell('B8').value = 'Ansvarlig';
    });
    expect(list).toEqual(['FIELD_MISSING Forside', 'COVER_CONTACT_MISSING Forside']);
  });
});
