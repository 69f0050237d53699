/** @jest-environment jsdom */
import * as React from 'react';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConsolidateView } from '../../src/taskpane/components/ConsolidateView';
import type { Progress, ReadOutcome } from '../../src/taskpane/actions';
import { TEXTS } from '../../src/taskpane/i18n';
import { VISIBLE, consolidation, fakeActions, fakeExcel, fakeFiles, fileResult, finding, renderPane, xlsxFile } from './double';

const t = TEXTS.da;

/** Konsolider in Excel: one file read, consolidated, and "write into this workbook" pressed. */
async function consolidateInExcel(excel: ReturnType<typeof fakeExcel>) {
  renderPane(<ConsolidateView actions={fakeActions('excel', fakeFiles(), excel)} t={t} lang="da" onConsolidated={jest.fn()} />);
  const user = userEvent.setup();
  await user.upload(screen.getByLabelText(t.filesInputLabel), [xlsxFile('SOF.xlsx')]);
  await screen.findAllByTestId('file-row');
  await user.click(screen.getByRole('button', { name: 'Saml status' }));
  await user.click(await screen.findByRole('button', { name: t.writeHere }));
  return user;
}

describe('Konsolider', () => {
  test('gets the file reader ready as soon as the view opens, before any file is chosen', () => {
    const files = fakeFiles();
    renderPane(<ConsolidateView actions={fakeActions('browser', files)} t={t} lang="da" onConsolidated={jest.fn()} />);
    expect(files.prepare).toHaveBeenCalledTimes(1);
    expect(files.readFiles).not.toHaveBeenCalled();
  });

  test('lists each file with administration, status and counts; a row expands to its findings', async () => {
    const files = fakeFiles({
      readFiles: jest.fn(async () => ({
        results: [
          fileResult('SOF.xlsx'),
          fileResult('TMF.xlsx', { status: 'invalid', counts: { error: 13, warning: 3, info: 0 }, diagnostics: [finding({ code: 'T1_RECONCILE' })] }),
          fileResult('notes.docx', { status: 'unreadable', administration: null, counts: { error: 1, warning: 0, info: 0 } }),
        ],
        cancelled: false,
      })),
    });
    renderPane(<ConsolidateView actions={fakeActions('browser', files)} t={t} lang="da" onConsolidated={jest.fn()} />);
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText(t.filesInputLabel), [xlsxFile('SOF.xlsx'), xlsxFile('TMF.xlsx'), xlsxFile('notes.docx')]);
    const rows = await screen.findAllByTestId('file-row');
    expect(rows.map((r) => r.getAttribute('data-status'))).toEqual(['valid', 'invalid', 'unreadable']);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Filer (3)' }));
    expect(screen.getAllByTestId('live-region')[0].textContent).toBe('3 filer læst, 2 med fejl.');
    const tmf = screen.getByRole('button', { name: 'TMF.xlsx TMF ugyldig 13 fejl, 3 advarsler' });
    expect(screen.getByRole('button', { name: /^notes\.docx ukendt forvaltning kan ikke læses/ })).toBeTruthy();
    expect(screen.queryByText('dansk T1_RECONCILE')).toBeNull();
    await user.click(tmf);
    expect(await screen.findByText('dansk T1_RECONCILE')).toBeTruthy();
  });

  test('shows progress with a file count and cancels reading', async () => {
    let report!: (p: Progress) => void;
    let finish!: (o: ReadOutcome) => void;
    let signal!: AbortSignal;
    const files = fakeFiles({
      readFiles: jest.fn((_list: File[], onProgress: (p: Progress) => void, s: AbortSignal) => {
        report = onProgress;
        signal = s;
        return new Promise<ReadOutcome>((resolve) => (finish = resolve));
      }),
    });
    renderPane(<ConsolidateView actions={fakeActions('browser', files)} t={t} lang="da" onConsolidated={jest.fn()} />);
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText(t.filesInputLabel), [xlsxFile('a.xlsx'), xlsxFile('b.xlsx'), xlsxFile('c.xlsx')]);
    act(() => report({ done: 1, total: 3, file: 'a.xlsx' }));
    expect(screen.getByText('Læser filer: 1 af 3')).toBeTruthy();
    expect(screen.getByRole('progressbar')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Stop indlæsningen' }));
    expect(signal.aborted).toBe(true);
    await act(async () => finish({ results: [fileResult('a.xlsx')], cancelled: true }));
    expect(screen.queryByTestId('progress')).toBeNull();
    expect(screen.getByText('Indlæsningen blev stoppet; 1 af 3 filer blev læst.', VISIBLE)).toBeTruthy();
    expect(screen.getAllByTestId('live-region')[0].textContent).toBe('Indlæsningen blev stoppet; 1 af 3 filer blev læst.');
    expect(screen.getAllByTestId('file-row')).toHaveLength(1);
  });

  test('consolidates with the options, shows the summary and downloads the workbook (browser)', async () => {
    const files = fakeFiles();
    const onConsolidated = jest.fn();
    const actions = fakeActions('browser', files);
    renderPane(<ConsolidateView actions={actions} t={t} lang="da" onConsolidated={onConsolidated} />);
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText(t.filesInputLabel), [xlsxFile('SOF.xlsx'), xlsxFile('BUF.xlsx')]);
    await screen.findAllByTestId('file-row');
    await user.click(screen.getByRole('checkbox', { name: t.strict }));
    await user.upload(screen.getByLabelText(t.previousInputLabel), xlsxFile('samlet-2010.xlsx'));
    expect(await screen.findByText('samlet-2010.xlsx: 4 kvartalsfarver i historikken.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Saml status' }));
    expect(files.consolidate).toHaveBeenCalledWith({ ids: ['SOF.xlsx', 'BUF.xlsx'], strict: true, usePrevious: true, lang: 'da' });
    const result = await screen.findByTestId('result');
    expect(within(result).getByTestId('result-administrations').textContent).toBe('2: SOF, BUF');
    expect(within(result).getByTestId('result-total').textContent).toContain('56.400.000 kr.');
    expect(within(result).getByTestId('result-projects').textContent).toBe('3: grøn 1, gul 1, rød 1');
    expect(within(result).getByTestId('result-escalations').textContent).toContain('SOF: Projekt Rød (2)');
    expect(onConsolidated).toHaveBeenLastCalledWith(expect.objectContaining({ fileName: 'samlet-status-2011-2014.xlsx' }));
    // Focus is on the result's heading (not dropped to the page when the button was busy), and it is said.
    expect(document.activeElement).toBe(within(result).getByRole('heading', { name: 'Samlet status' }));
    const [filesSaid, resultSaid] = screen.getAllByTestId('live-region');
    expect(filesSaid.textContent).toBe('2 filer læst.');
    expect(resultSaid.textContent).toBe('Status samlet: 2 forvaltninger, 3 monitorerede projekter, 1 eskalering.');
    expect(screen.queryByRole('button', { name: t.writeHere })).toBeNull();
    await user.click(screen.getByRole('button', { name: t.download }));
    await waitFor(() => expect(actions.download).toHaveBeenCalledWith(new Uint8Array([1, 2, 3]), 'samlet-status-2011-2014.xlsx'));
  });

  test('shows newly red projects and periods left out, downloads a letter as .docx, and consolidates the period chosen', async () => {
    const files = fakeFiles({
      readFiles: jest.fn(async (list: File[]) => ({ results: list.map((f, i) => fileResult(f.name, { period: i === 0 ? '2011–2014' : '2007–2010' })), cancelled: false })),
    });
    const actions = fakeActions('browser', files);
    renderPane(<ConsolidateView actions={actions} t={t} lang="da" onConsolidated={jest.fn()} />);
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText(t.filesInputLabel), [xlsxFile('SOF.xlsx'), xlsxFile('SOF-2007.xlsx')]);
    await screen.findAllByTestId('file-row');
    const choice = screen.getByTestId('period-choice') as HTMLSelectElement;
    expect([...choice.options].map((o) => o.textContent)).toEqual(['Den seneste (2011–2014)', '2011–2014', '2007–2010', 'Alle perioder: den seneste, sammenlignet med de andre']);
    await user.selectOptions(choice, '2007');
    await user.click(screen.getByRole('button', { name: 'Saml status' }));
    expect(files.consolidate).toHaveBeenCalledWith(expect.objectContaining({ period: 2007 }));
    const result = await screen.findByTestId('result');
    expect((await within(result).findByTestId('result-newly-red')).textContent).toBe('SOF: Projekt Rød (K2 2009)');
    expect(within(result).getByTestId('result-periods-left-out').textContent).toBe('2007–2010: SOF-2007.xlsx');
    await user.click(within(result).getByRole('button', { name: t.downloadLetter('Projekt Rød (SOF)') }));
    await waitFor(() => expect(actions.download).toHaveBeenCalledWith(new Uint8Array([7, 8, 9]), 'brev-SOF-Projekt-Roed.docx'));
    expect(files.renderLetter).toHaveBeenCalledWith(consolidation().letters[0]);
  });

  test('offers no period choice when the files hold one period', async () => {
    renderPane(<ConsolidateView actions={fakeActions('browser')} t={t} lang="da" onConsolidated={jest.fn()} />);
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText(t.filesInputLabel), [xlsxFile('SOF.xlsx'), xlsxFile('BUF.xlsx')]);
    await screen.findAllByTestId('file-row');
    expect(screen.queryByTestId('period-choice')).toBeNull();
  });

  test('in Excel: writes into this workbook or opens a new workbook', async () => {
    const excel = fakeExcel();
    const user = await consolidateInExcel(excel);
    expect(excel.writeConsolidated).toHaveBeenCalledWith(consolidation().plan);
    expect(await screen.findByText('Den samlede status er skrevet i projektmappen (Samlet status, Økonomi).', VISIBLE)).toBeTruthy();
    expect(screen.getAllByTestId('live-region')[1].textContent).toBe('Den samlede status er skrevet i projektmappen (Samlet status, Økonomi).');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Samlet status' }));
    await user.click(screen.getByRole('button', { name: t.openNew }));
    await waitFor(() => expect(excel.openAsNewWorkbook).toHaveBeenCalledWith(new Uint8Array([1, 2, 3])));
  });

  test('in an older Excel: says what the workbook lacks (slicers, print setup) after writing', async () => {
    const excel = fakeExcel({ writeConsolidated: jest.fn(async () => ({ sheets: ['Overblik'], missing: ['slicers' as const, 'pageLayout' as const] })) });
    await consolidateInExcel(excel);
    expect(await screen.findByText(`Den samlede status er skrevet i projektmappen (Overblik). ${t.missingFeature.slicers} ${t.missingFeature.pageLayout}`, VISIBLE)).toBeTruthy();
  });
});
