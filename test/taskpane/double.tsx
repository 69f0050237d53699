/** A test double for the pane's actions (no Office, no worker) and a render helper. */
import * as React from 'react';
import { render } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Code } from '../../src/core/diagnostics';
import type { OverviewKey } from '../../src/core/consolidate/layout';
import type { ConsolidationResult, ExcelActions, FileActions, FileResult, Finding, PaneActions } from '../../src/taskpane/actions';

// jsdom has no ResizeObserver; Fluent's ProgressBar, Dropdown and DataGrid use it.
if (typeof globalThis.ResizeObserver === 'undefined') {
  globalThis.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  } as unknown as typeof ResizeObserver;
}

/** A finding as the pane receives it; its text is given, so its parameters are not needed. */
export function finding(partial: Partial<Omit<Finding, 'code' | 'params'>> & { code: Code }): Finding {
  return {
    severity: 'error',
    sheet: 'Tabel 1',
    cell: 'B5',
    params: {},
    text: { da: `dansk ${partial.code}`, en: `english ${partial.code}` },
    ...partial,
  } as Finding;
}

export function fileResult(name: string, partial: Partial<FileResult> = {}): FileResult {
  return { id: name, name, size: 1000, status: 'valid', administration: name.slice(0, 3), period: '2011–2014', counts: { error: 0, warning: 0, info: 0 }, diagnostics: [], ...partial };
}

export function fakeFiles(overrides: Partial<FileActions> = {}): jest.Mocked<FileActions> {
  return {
    readFiles: jest.fn(async (files: File[]) => ({ results: files.map((f) => fileResult(f.name)), cancelled: false })),
    readPrevious: jest.fn(async (file: File) => ({ ok: true as const, name: file.name, entries: 4 })),
    forget: jest.fn(),
    consolidate: jest.fn(async () => consolidation()),
    renderXlsx: jest.fn(async () => new Uint8Array([1, 2, 3])),
    renderTemplate: jest.fn(async () => new Uint8Array([4, 5, 6])),
    renderLetter: jest.fn(async () => new Uint8Array([7, 8, 9])),
    prepare: jest.fn(),
    ...overrides,
  } as jest.Mocked<FileActions>;
}

export function fakeExcel(overrides: Partial<ExcelActions> = {}): jest.Mocked<ExcelActions> {
  return {
    canOpenNewWorkbook: true,
    insertTemplate: jest.fn(async () => ({ status: 'inserted' as const, sheets: ['Forside', 'Mål a-g'] })),
    validateWorkbook: jest.fn(async () => []),
    goToCell: jest.fn(async () => undefined),
    writeConsolidated: jest.fn(async () => ({ sheets: ['Samlet status', 'Økonomi'] })),
    openAsNewWorkbook: jest.fn(async () => undefined),
    applyFilter: jest.fn(async () => ({ visibleRows: 3, totalRows: 10 })),
    clearFilters: jest.fn(async () => ({ visibleRows: 10, totalRows: 10 })),
    canWatchEdits: false,
    watchWorkbook: jest.fn(async () => async () => undefined),
    ...overrides,
  } as jest.Mocked<ExcelActions>;
}

export function fakeActions(host: 'excel' | 'browser', files = fakeFiles(), excel = fakeExcel()): PaneActions & { download: jest.Mock } {
  return { host, files, excel: host === 'excel' ? excel : undefined, download: jest.fn() };
}

const KEYS: OverviewKey[] = ['administration', 'kind', 'name', 'goals', 'goal:a', 'goal:b', 'goal:c', 'goal:d', 'goal:e', 'goal:f', 'goal:g', 'budgetPeriod', 'economyTotal', 'currentColour', 'redInYear', 'escalation', 'quarterColour:1', 'quarterColour:2', 'quarterColour:3', 'quarterColour:4'];
/** A row of "Samlet status"; a project's quarters default to its current colour in Q1 only. */
const row = (admin: string, name: string, goals: string, colour: string | null, escalation: string | null, period = '2011–2014', amount = 1000000, quarters: (string | null)[] = [colour, null, null, null]) => [
  admin,
  colour ? 'Projekt' : 'Indsats – politikkens mål',
  name,
  goals || null,
  ...['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((g) => (goals.includes(g) ? 'Ja' : 'Nej')),
  period,
  amount,
  colour,
  colour ? (quarters.includes('rød') ? 'Ja' : 'Nej') : null,
  escalation,
  ...(colour ? quarters : [null, null, null, null]),
];

export function consolidation(): ConsolidationResult {
  return {
    plan: { sheets: [], definedNames: [] },
    fileName: 'samlet-status-2011-2014.xlsx',
    overview: {
      keys: KEYS,
      years: [2011, 2012, 2013, 2014],
      rows: [
        row('SOF – Socialforvaltningen', 'Skolesocialrådgivere', 'a, b', null, null, '2011–2014', 12_300_000),
        row('SOF – Socialforvaltningen', 'Projekt Rød', '', 'rød', 'Ja – brev til fagudvalg', '2011–2014', 450_000, ['rød', 'gul', 'rød', null]),
        row('BUF – Børne- og Ungdomsforvaltningen', 'Lektiecafé', 'b', null, null, '2011–2014', 1_800_000.5),
        row('TMF – Teknik- og Miljøforvaltningen', 'Grønne gårde', '', 'grøn', 'Nej', '2015–2018', 250_000, ['grøn', 'rød', 'grøn', null]),
      ],
    },
    summary: {
      administrations: [
        { administration: 'SOF', period: '2011–2014', file: 'SOF.xlsx', status: 'valid', errors: 0 },
        { administration: 'BUF', period: '2011–2014', file: 'BUF.xlsx', status: 'valid', errors: 0 },
      ],
      years: [2011, 2012, 2013, 2014],
      table1: {
        unit: 'kr.',
        byAdministration: {},
        municipality: {
          policy: { byYear: {}, total: 0 },
          other: { byYear: {}, total: 0 },
          projects: { byYear: {}, total: 0 },
          total: { byYear: { '2011': 14100000, '2012': 14100000, '2013': 14100000, '2014': 14100000 }, total: 56400000 },
        },
      },
      initiatives: { policy: 2, other: 0 },
      projects: { monitored: 3, green: 1, yellow: 1, red: 1, withoutColour: 0, redInYear: 1 },
      period: '2011–2014',
      periods: ['2007–2010', '2011–2014'],
      leftOutPeriods: [{ period: '2007–2010', files: ['SOF-2007.xlsx'] }],
      escalations: [{ administration: 'SOF', project: 'Projekt Rød', redCount: 2 }],
      newlyRed: [{ administration: 'SOF', project: 'Projekt Rød', quarter: 'K2 2009' }],
      replaced: [],
      skipped: [],
    },
    letters: [{ fileName: 'brev-SOF-Projekt-Roed.docx', administration: 'SOF', project: 'Projekt Rød', committee: 'Socialudvalget', title: 'Udkast – brev til Socialudvalget', blocks: [{ kind: 'paragraph', text: 'Til Socialudvalget' }] }],
  };
}

/** Text on screen, not what the live region says (it repeats the visible result for screen readers). */
export const VISIBLE = { ignore: '[data-testid="live-region"] *, script, style' };

export function renderPane(ui: React.ReactElement) {
  return render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
}

export function xlsxFile(name: string): File {
  return new File([new Uint8Array([0x50, 0x4b, 3, 4])], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
