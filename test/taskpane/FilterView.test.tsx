/** @jest-environment jsdom */
import * as React from 'react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FilterView } from '../../src/taskpane/components/FilterView';
import { TEXTS } from '../../src/taskpane/i18n';
import { consolidation, fakeActions, fakeExcel, fakeFiles, renderPane } from './double';

const t = TEXTS.da;

describe('Filtrér', () => {
  test('in Excel: applies the criteria to the consolidated table and shows the count; clear resets', async () => {
    const excel = fakeExcel();
    renderPane(<FilterView actions={fakeActions('excel', fakeFiles(), excel)} consolidation={undefined} t={t} lang="da" />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: 'SOF – Socialforvaltningen' }));
    await user.click(screen.getByRole('checkbox', { name: 'Mål b' }));
    await user.click(screen.getByRole('checkbox', { name: 'rød' }));
    await user.click(screen.getByRole('switch', { name: 'Rød i mindst ét kvartal i året' }));
    await user.type(screen.getByLabelText('År (budgetperioden omfatter året)'), '2012');
    await user.click(screen.getByRole('switch', { name: 'Kun eskalerede' }));
    await user.click(screen.getByRole('button', { name: 'Anvend filter' }));
    expect(excel.applyFilter).toHaveBeenCalledWith({ administrations: ['SOF – Socialforvaltningen'], goals: ['b'], colours: ['red'], redInYear: true, year: 2012, escalatedOnly: true });
    expect((await screen.findByTestId('filter-count')).textContent).toBe('Viser 3 af 10 rækker');
    await user.click(screen.getByRole('button', { name: 'Ryd filtre' }));
    expect(excel.clearFilters).toHaveBeenCalled();
    expect((await screen.findByTestId('filter-count')).textContent).toBe('Viser 10 af 10 rækker');
    expect((screen.getByRole('checkbox', { name: 'Mål b' }) as HTMLInputElement).checked).toBe(false);
  });

  test('in a browser: filters the grid of consolidated rows as the criteria change', async () => {
    renderPane(<FilterView actions={fakeActions('browser')} consolidation={consolidation()} t={t} lang="da" />);
    const user = userEvent.setup();
    expect(screen.queryByRole('button', { name: 'Anvend filter' })).toBeNull();
    expect(screen.getByTestId('filter-count').textContent).toBe('Viser 4 af 4 rækker');
    expect(screen.getAllByTestId('overview-row')).toHaveLength(4);
    await user.click(screen.getByRole('checkbox', { name: 'Mål b' }));
    expect(screen.getByTestId('filter-count').textContent).toBe('Viser 2 af 4 rækker');
    await user.click(screen.getByRole('checkbox', { name: 'Mål b' }));
    await user.click(screen.getByRole('switch', { name: 'Rød i mindst ét kvartal i året' }));
    expect(screen.getAllByTestId('overview-row').map((r) => r.textContent)).toEqual([expect.stringContaining('Projekt Rød')]);
    expect(screen.getByRole('columnheader', { name: 'Rød i året' })).toBeTruthy();
    await user.click(screen.getByRole('switch', { name: 'Rød i mindst ét kvartal i året' }));
    await user.click(screen.getByRole('switch', { name: 'Kun eskalerede' }));
    expect(screen.getAllByTestId('overview-row').map((r) => r.textContent)).toEqual([expect.stringContaining('Projekt Rød')]);
    await user.click(screen.getByRole('button', { name: 'Ryd filtre' }));
    await user.type(screen.getByLabelText('År (budgetperioden omfatter året)'), '2016');
    expect(screen.getAllByTestId('overview-row').map((r) => r.textContent)).toEqual([expect.stringContaining('Grønne gårde')]);
  });

  test('in a browser without a consolidation: says to consolidate first', () => {
    renderPane(<FilterView actions={fakeActions('browser')} consolidation={undefined} t={t} lang="da" />);
    expect(screen.getByText(t.filterNeedsData)).toBeTruthy();
    expect(screen.queryByTestId('overview-grid')).toBeNull();
  });
});
