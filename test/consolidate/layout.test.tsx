/**
 * The consolidated layout is defined once: with headers renamed in layout.ts (and nowhere else), the workbook, the
 * filter rules, the Office host's filters and slicers, the task pane's result list and the history reader all follow.
 */
import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { consolidate, type ConsolidationInput } from '../../src/core/consolidate/consolidate';
import { filterOverview } from '../../src/core/consolidate/filter';
import { OUTPUT, overviewColumns } from '../../src/core/consolidate/layout';
import { buildConsolidatedPlan } from '../../src/core/consolidate/plan';
import { planValueAt } from '../../src/core/plan/lookup';
import { parseRangeRef } from '../../src/core/cells';
import { OfficeHost } from '../../src/hosts/office/host';
import { readHistoryFromBytes } from '../../src/hosts/xlsx/bytes';
import { renderPlanToBuffer } from '../../src/hosts/xlsx/renderPlan';
import { ResultList } from '../../src/taskpane/components/ResultList';
import { toResultRows } from '../../src/taskpane/resultRows';
import { TEXTS } from '../../src/taskpane/i18n';
import { overviewFromPlan } from '../../src/taskpane/overviewPlan';
import { exampleInputs } from '../helpers/examples';
import { requirementsUpTo } from '../office/excelDouble';
import { OfficeRuntime } from '../office/officeRuntime';

// The renaming: in the layout module only.
jest.mock('../../src/core/consolidate/layout', () => {
  const layout = jest.requireActual<typeof import('../../src/core/consolidate/layout')>('../../src/core/consolidate/layout');
  layout.OVERVIEW_HEADERS.currentColour = { da: 'Farve nu', en: 'Colour now' };
  layout.OVERVIEW_HEADERS.redInYear = { da: 'Rød mindst én gang i året', en: 'Red at least once' };
  layout.OVERVIEW_HEADERS.goal = { da: 'Målsætning', en: 'Objective' };
  layout.OVERVIEW_HEADERS.administration = { da: 'Forvaltningens navn', en: 'Administration name' };
  layout.OVERVIEW_HEADERS.escalation = { da: 'Til fagudvalget', en: 'To the committee' };
  layout.HISTORY_HEADERS.colour = { da: 'Kvartalets farve', en: 'Colour of the quarter' };
  return layout;
});

const options = { generatedAt: '2010-06-01T12:00:00Z', productVersion: 'test' };
let inputs: ConsolidationInput[];
beforeAll(async () => {
  inputs = await exampleInputs();
});

describe('a header renamed in the layout', () => {
  it('is the header the workbook’s tables carry, and the old one is gone', () => {
    const plan = buildConsolidatedPlan(consolidate(inputs, options));
    const overview = plan.sheets.find((s) => s.name === OUTPUT.overview)!;
    const range = parseRangeRef(overview.tables![0].ref)!;
    const headers = Array.from({ length: range.right - range.left + 1 }, (_, i) => planValueAt(overview, range.top, range.left + i));
    expect(headers).toEqual(expect.arrayContaining(['Farve nu', 'Rød mindst én gang i året', 'Målsætning a', 'Målsætning g', 'Forvaltningens navn', 'Til fagudvalget']));
    expect(headers).not.toContain('Aktuel farve');
    expect(headers).not.toContain('Mål a');
    expect(overviewColumns([2011]).find((c) => c.key === 'currentColour')!.header).toEqual({ da: 'Farve nu', en: 'Colour now' });
  });

  it('is what the pane’s filter rules and result list use', () => {
    const plan = buildConsolidatedPlan(consolidate(inputs, options));
    const table = overviewFromPlan(plan, [2011, 2012, 2013, 2014]);
    expect(table.keys).toEqual(expect.arrayContaining(['currentColour', 'redInYear', 'goal:a', 'administration', 'escalation']));
    expect(filterOverview(table, { colours: ['red'] })).toHaveLength(1);
    expect(filterOverview(table, { redInYear: true })).toHaveLength(3);
    expect(filterOverview(table, { goals: ['g'] })).toHaveLength(2);
    expect(filterOverview(table, { administrations: ['SOF – Socialforvaltningen'] })).toHaveLength(6);
    expect(filterOverview(table, { escalatedOnly: true })).toHaveLength(1);
    const html = (lang: 'da' | 'en') =>
      renderToStaticMarkup(
        <FluentProvider theme={webLightTheme}>
          <ResultList rows={toResultRows(table, table.rows)} t={TEXTS[lang]} lang={lang} />
        </FluentProvider>,
      );
    expect(html('da')).toContain('Farve nu');
    expect(html('da')).toContain('Forvaltningens navn');
    expect(html('da')).not.toContain('Aktuel farve');
    expect(html('en')).toContain('Colour now');
    // The chips under the renamed header carry the colours, in the pane's language.
    expect(html('da')).toContain('Farve nu: rød');
    expect(html('en')).toContain('Colour now: red');
    expect(html('da')).toContain('>Forvaltningens navn<');
  });

  it('is what the Office host filters and puts slicers on (Office.js’s runtime on the strict double)', async () => {
    const office = new OfficeRuntime();
    const host = new OfficeHost(office.excel, requirementsUpTo('1.13'));
    await host.writeConsolidated(buildConsolidatedPlan(consolidate(inputs, options)));
    expect(office.model.slicers.map((s) => s.column)).toEqual(['Forvaltningens navn', 'Farve nu', 'Rød mindst én gang i året', 'Til fagudvalget', ...'abcdefg'.split('').map((g) => `Målsætning ${g}`)]);
    const all = await host.clearFilters();
    expect((await host.applyFilter({ colours: ['red'] })).visibleRows).toBe(1);
    expect((await host.applyFilter({ redInYear: true })).visibleRows).toBe(3);
    expect((await host.applyFilter({ goals: ['g'] })).visibleRows).toBe(2);
    expect((await host.applyFilter({ administrations: ['SOF – Socialforvaltningen'] })).visibleRows).toBe(6);
    expect((await host.applyFilter({ escalatedOnly: true })).visibleRows).toBe(1);
    expect((await host.applyFilter({ year: 2020 })).visibleRows).toBe(0);
    expect(await host.clearFilters()).toEqual(all);
  });

  it('is the header the next consolidation reads the quarter history by', async () => {
    const c = consolidate(inputs, options);
    const bytes = await renderPlanToBuffer(buildConsolidatedPlan(c));
    const reading = await readHistoryFromBytes(bytes);
    expect(reading).toEqual({ ok: true, entries: c.history });
  });
});
