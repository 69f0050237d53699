/** @jest-environment jsdom */
import * as React from 'react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FilterView } from '../../src/taskpane/components/FilterView';
import { TEXTS } from '../../src/taskpane/i18n';
import { consolidation, fakeActions, fakeExcel, fakeFiles, renderPane } from './double';

const t = TEXTS.da;
const names = () => screen.getAllByTestId('result-card').map((c) => c.querySelector('span')!.textContent);
const live = () => screen.getByTestId('live-region').textContent;

describe('Filtrér', () => {
  test('in Excel: applies the criteria to the consolidated table; focus moves to the result and the count is said', async () => {
    const excel = fakeExcel();
    renderPane(<FilterView actions={fakeActions('excel', fakeFiles(), excel)} consolidation={undefined} t={t} lang="da" />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: 'SOF – Socialforvaltningen' }));
    await user.click(screen.getByRole('checkbox', { name: 'Mål b' }));
    await user.click(screen.getByRole('checkbox', { name: 'rød' }));
    await user.click(screen.getByRole('checkbox', { name: 'Rød i mindst ét kvartal' }));
    await user.type(screen.getByLabelText('År (budgetperioden omfatter året)'), '2012');
    await user.click(screen.getByRole('switch', { name: 'Kun eskalerede' }));
    await user.click(screen.getByRole('button', { name: 'Anvend filter' }));
    expect(excel.applyFilter).toHaveBeenCalledWith({ administrations: ['SOF – Socialforvaltningen'], goals: ['b'], colours: ['red'], redInYear: true, year: 2012, escalatedOnly: true });
    expect((await screen.findByTestId('filter-count')).textContent).toBe('Viser 3 af 10 rækker');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Resultat' }));
    expect(live()).toBe('Viser 3 af 10 rækker');
    await user.click(screen.getByRole('button', { name: 'Ryd filtre' }));
    expect(excel.clearFilters).toHaveBeenCalled();
    expect((await screen.findByTestId('filter-count')).textContent).toBe('Viser 10 af 10 rækker');
    expect(live()).toBe('Viser 10 af 10 rækker');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Resultat' }));
    expect((screen.getByRole('checkbox', { name: 'Mål b' }) as HTMLInputElement).checked).toBe(false);
  });

  test('in a browser: count and sum of the rows shown at the top, cards sorted by amount first', () => {
    renderPane(<FilterView actions={fakeActions('browser')} consolidation={consolidation()} t={t} lang="da" />);
    expect(screen.queryByRole('button', { name: 'Anvend filter' })).toBeNull();
    expect(screen.getByTestId('filter-count').textContent).toBe('Viser 4 af 4 rækker');
    // 12.300.000 + 450.000 + 1.800.000,5 + 250.000
    expect(screen.getByTestId('filter-sum').textContent).toBe('I alt 14.800.000,5 kr.');
    expect(names()).toEqual(['Skolesocialrådgivere', 'Lektiecafé', 'Projekt Rød', 'Grønne gårde']);
    const red = screen.getAllByTestId('result-card')[2];
    expect(red.getAttribute('data-administration')).toBe('SOF');
    expect(within(red).getByTestId('result-amount').textContent).toBe('450.000 kr.');
    expect(within(red).getByText('Aktuel farve: rød')).toBeTruthy();
    expect(within(red).getByText('K2 gul')).toBeTruthy();
    expect(within(red).getByTestId('escalated').textContent).toBe('Eskaleret');
    expect(within(red).getByTitle('SOF – Socialforvaltningen').textContent).toBe('SOF');
  });

  test('sorts by name, administration and colour (red first)', async () => {
    renderPane(<FilterView actions={fakeActions('browser')} consolidation={consolidation()} t={t} lang="da" />);
    const user = userEvent.setup();
    const sort = screen.getByRole('combobox', { name: 'Sortér efter' });
    expect([...sort.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['Økonomi i alt', 'Navn', 'Forvaltning', 'Aktuel farve']);
    await user.selectOptions(sort, 'name');
    // Danish collation: å and æ/ø after z.
    expect(names()).toEqual(['Grønne gårde', 'Lektiecafé', 'Projekt Rød', 'Skolesocialrådgivere']);
    await user.selectOptions(sort, 'administration');
    expect(names()).toEqual(['Lektiecafé', 'Projekt Rød', 'Skolesocialrådgivere', 'Grønne gårde']);
    await user.selectOptions(sort, 'colour');
    expect(names()).toEqual(['Projekt Rød', 'Grønne gårde', 'Lektiecafé', 'Skolesocialrådgivere']);
  });

  test('"red in any quarter" beside the current colour: a project green now but red in Q2 is found by the one, not the other', async () => {
    renderPane(<FilterView actions={fakeActions('browser')} consolidation={consolidation()} t={t} lang="da" />);
    const user = userEvent.setup();
    await user.click(screen.getByTestId('filters-toggle'));
    const colour = screen.getByRole('group', { name: 'Aktuel farve' });
    await user.click(within(colour).getByRole('checkbox', { name: 'rød' }));
    expect(names()).toEqual(['Projekt Rød']);
    expect(screen.getByTestId('filter-sum').textContent).toBe('I alt 450.000 kr.');
    await user.click(within(colour).getByRole('checkbox', { name: 'rød' }));
    await user.click(within(colour).getByRole('checkbox', { name: 'Rød i mindst ét kvartal' }));
    expect(names()).toEqual(['Projekt Rød', 'Grønne gårde']);
    expect(screen.getByTestId('filter-sum').textContent).toBe('I alt 700.000 kr.');
    // Said politely as the list changes; focus stays on the box just ticked.
    expect(live()).toBe('Viser 2 af 4 rækker. I alt 700.000 kr.');
    expect(document.activeElement).toBe(within(colour).getByRole('checkbox', { name: 'Rød i mindst ét kvartal' }));
  });

  test('filters fold away so the results are in view, and say how many are chosen', async () => {
    renderPane(<FilterView actions={fakeActions('browser')} consolidation={consolidation()} t={t} lang="da" />);
    const user = userEvent.setup();
    const toggle = screen.getByTestId('filters-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('checkbox', { name: 'Mål b' })).toBeNull();
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await user.click(screen.getByRole('checkbox', { name: 'Mål b' }));
    await user.click(screen.getByRole('switch', { name: 'Kun eskalerede' }));
    expect(toggle.textContent).toContain('Filtre (2 valgt)');
    expect(screen.queryAllByTestId('result-card')).toHaveLength(0);
    expect(screen.getByTestId('filter-sum').textContent).toBe('I alt 0 kr.');
    await user.click(screen.getByRole('button', { name: 'Ryd filtre' }));
    expect(screen.getAllByTestId('result-card')).toHaveLength(4);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Resultat' }));
    expect(live()).toBe('Viser 4 af 4 rækker. I alt 14.800.000,5 kr.');
    await user.type(screen.getByLabelText('År (budgetperioden omfatter året)'), '2016');
    expect(names()).toEqual(['Grønne gårde']);
  });

  test('clearing the filters in a browser says the new count once, with focus on the result', async () => {
    renderPane(<FilterView actions={fakeActions('browser')} consolidation={consolidation()} t={t} lang="da" />);
    const user = userEvent.setup();
    await user.click(screen.getByTestId('filters-toggle'));
    await user.click(screen.getByRole('checkbox', { name: 'Mål b' }));
    // Each message the live region gets is a new node in it: count them.
    let said = 0;
    const observer = new MutationObserver((records) => (said += records.reduce((n, r) => n + r.addedNodes.length, 0)));
    observer.observe(screen.getByTestId('live-region'), { childList: true });
    await user.click(screen.getByRole('button', { name: 'Ryd filtre' }));
    await new Promise((r) => setTimeout(r, 0));
    observer.disconnect();
    expect(live()).toBe('Viser 4 af 4 rækker. I alt 14.800.000,5 kr.');
    expect(said).toBe(1);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Resultat' }));
    // With nothing to clear the count is said all the same.
    said = 0;
    observer.observe(screen.getByTestId('live-region'), { childList: true });
    await user.click(screen.getByRole('button', { name: 'Ryd filtre' }));
    await new Promise((r) => setTimeout(r, 0));
    observer.disconnect();
    expect(said).toBe(1);
  });

  test('in English: colours, types, quarters and numbers in English', () => {
    renderPane(<FilterView actions={fakeActions('browser')} consolidation={consolidation()} t={TEXTS.en} lang="en" />);
    expect(screen.getByTestId('filter-sum').textContent).toBe('Total 14,800,000.5 kr.');
    const red = screen.getAllByTestId('result-card')[2];
    expect(red.textContent).toContain('SOF · Project');
    expect(within(red).getByText('Current colour: red')).toBeTruthy();
    expect(within(red).getByText('Q2 yellow')).toBeTruthy();
    expect(within(red).getByTestId('escalated').textContent).toBe('Escalated');
    expect(screen.getAllByTestId('result-card')[0].textContent).toContain('SOF · Initiative – policy goals');
    expect(document.body.textContent).not.toMatch(/\b(grøn|gul|rød|K[1-4]|Indsats|Projekt –)\b/);
  });

  test('in a browser without a consolidation: says to consolidate first', () => {
    renderPane(<FilterView actions={fakeActions('browser')} consolidation={undefined} t={t} lang="da" />);
    expect(screen.getByText(t.filterNeedsData)).toBeTruthy();
    expect(screen.queryByTestId('result-list')).toBeNull();
  });
});
