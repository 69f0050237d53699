/** @jest-environment jsdom */
import * as React from 'react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FillView } from '../../src/taskpane/components/FillView';
import { TEXTS } from '../../src/taskpane/i18n';
import type { Finding } from '../../src/taskpane/actions';
import { LIVE_CHECK_SETTING } from '../../src/taskpane/components/FillView';
import { fakeActions, fakeExcel, fakeFiles, finding, renderPane, xlsxFile } from './double';

const t = TEXTS.da;

describe('Udfyld (in Excel)', () => {
  test('inserts the template with the chosen year, administration and unit', async () => {
    const excel = fakeExcel();
    renderPane(<FillView actions={fakeActions('excel', fakeFiles(), excel)} t={t} lang="da" />);
    const user = userEvent.setup();
    const year = screen.getByLabelText('Første budgetår');
    await user.clear(year);
    await user.type(year, '2011');
    await user.selectOptions(screen.getByLabelText('Forvaltning'), 'SOF');
    await user.selectOptions(screen.getByLabelText('Beløbsenhed'), 'mkr');
    await user.click(screen.getByRole('button', { name: 'Indsæt skabelon' }));
    expect(excel.insertTemplate).toHaveBeenCalledWith({ firstYear: 2011, administration: 'SOF', unit: 'mkr' }, false);
    expect(await screen.findByText('Skabelonen er indsat (2 ark).')).toBeTruthy();
  });

  test('asks before inserting a second copy when the template is already there', async () => {
    const excel = fakeExcel({ insertTemplate: jest.fn().mockResolvedValueOnce({ status: 'exists', sheets: [] }).mockResolvedValueOnce({ status: 'inserted', sheets: ['Forside (2)'] }) });
    renderPane(<FillView actions={fakeActions('excel', fakeFiles(), excel)} t={t} lang="da" />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Indsæt skabelon' }));
    const bar = await screen.findByTestId('template-exists');
    expect(bar.textContent).toContain('Vil du indsætte en kopi mere?');
    await user.click(within(bar).getByRole('button', { name: 'Indsæt en kopi mere' }));
    expect(excel.insertTemplate).toHaveBeenLastCalledWith(expect.anything(), true);
    expect(await screen.findByText('Skabelonen er indsat (1 ark).')).toBeTruthy();
  });

  test('validates the workbook: summary, findings grouped by sheet, a click goes to the cell', async () => {
    const excel = fakeExcel({
      validateWorkbook: jest.fn(async () => [
        finding({ code: 'COVER_CONTACT_MISSING', severity: 'warning', sheet: 'Forside', cell: 'C6' }),
        finding({ code: 'T1_ROW_SUM', sheet: 'Tabel 1', cell: 'F5' }),
        finding({ code: 'T1_RECONCILE', sheet: 'Tabel 1', cell: 'B5' }),
      ]),
    });
    renderPane(<FillView actions={fakeActions('excel', fakeFiles(), excel)} t={t} lang="da" />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Kontrollér projektmappen' }));
    expect((await screen.findByTestId('fill-summary')).textContent).toBe('2 fejl, 1 advarsel');
    // Focus moves to the result's heading (its findings follow it in view), and the summary is said politely.
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: '2 fejl, 1 advarsel' }));
    expect(screen.getByTestId('live-region').getAttribute('aria-live')).toBe('polite');
    expect(screen.getByTestId('live-region').textContent).toBe('2 fejl, 1 advarsel');
    const table1 = screen.getByRole('region', { name: 'Tabel 1' });
    expect(within(table1).getAllByRole('listitem')).toHaveLength(2);
    await user.click(within(table1).getByRole('button', { name: /dansk T1_RECONCILE/ }));
    expect(excel.goToCell).toHaveBeenCalledWith('Tabel 1', 'B5');
    expect(screen.getByRole('button', { name: 'Kontrollér igen' })).toBeTruthy();
  });

  test('the same result twice is said twice (the live region gets new content)', async () => {
    renderPane(<FillView actions={fakeActions('excel')} t={t} lang="da" />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Kontrollér projektmappen' }));
    const first = (await screen.findByTestId('live-region')).firstElementChild;
    expect(first?.textContent).toBe('0 fejl, 0 advarsler');
    await user.click(screen.getByRole('button', { name: 'Kontrollér igen' }));
    await waitFor(() => expect(screen.getByTestId('live-region').firstElementChild).not.toBe(first));
    expect(screen.getByTestId('live-region').textContent).toBe('0 fejl, 0 advarsler');
  });

  test('one language at a time: what was said in Danish is cleared when the pane turns English', async () => {
    const actions = fakeActions('excel');
    const { rerender } = renderPane(<FillView actions={actions} t={t} lang="da" />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Kontrollér projektmappen' }));
    expect((await screen.findByTestId('live-region')).textContent).toBe('0 fejl, 0 advarsler');
    rerender(
      <FluentProvider theme={webLightTheme}>
        <FillView actions={actions} t={TEXTS.en} lang="en" />
      </FluentProvider>,
    );
    expect(screen.getByTestId('live-region').textContent).toBe('');
    expect(screen.getByTestId('fill-summary').textContent).toBe('0 errors, 0 warnings');
  });

  test('checks as you type: findings follow edits without a button, focus stays put; the setting turns it off and is kept', async () => {
    localStorage.removeItem(LIVE_CHECK_SETTING);
    let report!: (f: Finding[]) => void;
    const stop = jest.fn(async () => undefined);
    const excel = fakeExcel({
      canWatchEdits: true,
      watchWorkbook: jest.fn(async (onFindings: (f: Finding[]) => void) => {
        report = onFindings;
        return stop;
      }),
    });
    const { unmount } = renderPane(<FillView actions={fakeActions('excel', fakeFiles(), excel)} t={t} lang="da" />);
    const user = userEvent.setup();
    await waitFor(() => expect(excel.watchWorkbook).toHaveBeenCalledTimes(1));
    const setting = screen.getByRole('switch', { name: 'Kontrollér mens jeg skriver' });
    expect((setting as HTMLInputElement).checked).toBe(true);
    setting.focus();
    act(() => report([finding({ code: 'T1_ROW_SUM', sheet: 'Tabel 1', cell: 'F5' })]));
    expect(screen.getByTestId('fill-summary').textContent).toBe('1 fejl, 0 advarsler');
    expect(screen.getByTestId('live-region').textContent).toBe('1 fejl, 0 advarsler');
    expect(document.activeElement).toBe(setting);
    act(() => report([]));
    expect(screen.getByTestId('fill-summary').textContent).toBe('0 fejl, 0 advarsler');
    // A workbook that is not the template is not checked unasked.
    act(() => report([finding({ code: 'TEMPLATE_NOT_RECOGNISED', sheet: null, cell: null })]));
    expect(screen.getByTestId('fill-summary').textContent).toBe('0 fejl, 0 advarsler');
    await user.click(setting);
    await waitFor(() => expect(stop).toHaveBeenCalledTimes(1));
    expect(localStorage.getItem(LIVE_CHECK_SETTING)).toBe('off');
    unmount();
    renderPane(<FillView actions={fakeActions('excel', fakeFiles(), excel)} t={t} lang="da" />);
    expect((screen.getByRole('switch', { name: 'Kontrollér mens jeg skriver' }) as HTMLInputElement).checked).toBe(false);
    expect(excel.watchWorkbook).toHaveBeenCalledTimes(1);
    localStorage.removeItem(LIVE_CHECK_SETTING);
  });

  test('no setting where Excel cannot report edits', () => {
    renderPane(<FillView actions={fakeActions('excel')} t={t} lang="da" />);
    expect(screen.queryByRole('switch', { name: 'Kontrollér mens jeg skriver' })).toBeNull();
  });

  test('a host error is shown in plain language, in English when the pane is English', async () => {
    const { UserError } = await import('../../src/taskpane/actions');
    const excel = fakeExcel({ validateWorkbook: jest.fn(async () => Promise.reject(new UserError('dansk fejl', 'english error'))) });
    renderPane(<FillView actions={fakeActions('excel', fakeFiles(), excel)} t={TEXTS.en} lang="en" />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Check this workbook' }));
    expect((await screen.findByTestId('error-bar')).textContent).toContain('english error');
  });

  test('an unexpected error shows a generic message, never the exception', async () => {
    const excel = fakeExcel({ validateWorkbook: jest.fn(async () => Promise.reject(new TypeError('x is undefined at foo.js:1'))) });
    renderPane(<FillView actions={fakeActions('excel', fakeFiles(), excel)} t={t} lang="da" />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Kontrollér projektmappen' }));
    const bar = await screen.findByTestId('error-bar');
    expect(bar.textContent).toContain(t.genericError);
    expect(bar.textContent).not.toContain('undefined');
  });
});

describe('Udfyld (plain browser)', () => {
  test('downloads the template and checks a chosen file', async () => {
    const files = fakeFiles({
      readFiles: jest.fn(async (list: File[]) => ({
        results: [{ id: 'x', name: list[0].name, size: 1, status: 'invalid' as const, administration: 'TMF', period: '2011–2014', counts: { error: 1, warning: 0, info: 0 }, diagnostics: [finding({ code: 'T1_ROW_SUM' })] }],
        cancelled: false,
      })),
    });
    const actions = fakeActions('browser', files);
    renderPane(<FillView actions={actions} t={t} lang="da" />);
    const user = userEvent.setup();
    expect(screen.queryByRole('button', { name: 'Indsæt skabelon' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Hent skabelon (.xlsx)' }));
    await waitFor(() => expect(actions.download).toHaveBeenCalled());
    expect(actions.download.mock.calls[0][1]).toMatch(/^budgetredegoerelse-skabelon-\d{4}\.xlsx$/);
    await user.upload(screen.getByLabelText(t.validateFileLabel), xlsxFile('TMF.xlsx'));
    expect((await screen.findByTestId('fill-summary')).textContent).toContain('1 fejl, 0 advarsler');
    // Not the open workbook: findings are not buttons.
    expect(screen.queryByRole('button', { name: /dansk T1_ROW_SUM/ })).toBeNull();
    expect(files.forget).toHaveBeenCalledWith(['x']);
  });
});
