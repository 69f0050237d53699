/**
 * ExcelActions over the Office host (the only code that calls Excel.run). Host errors become UserErrors with a
 * Danish and an English text; everything else is left to the pane's generic message.
 */
import { readSubmission } from '../core/parse/submission';
import { SheetTooLargeError } from '../core/reader';
import { buildTemplatePlan } from '../core/template/plan';
import { validate } from '../core/validate/validate';
import { HostError, OfficeHost } from '../hosts/office/host';
import type { Edit, OfficeWorkbookReader } from '../hosts/office/snapshotReader';
import { toFinding } from './findingText';
import { UserError, type ExcelActions, type FileActions } from './actions';

const HOST_ERROR_EN: Record<HostError['reason'], string> = {
  'no-table': 'There is no consolidated status in this workbook. Write it first under Consolidate.',
  'write-failed': 'The consolidated status could not be written. The workbook is unchanged.',
  'not-supported': 'This Excel cannot open a new workbook from the add-in. Download the file instead.',
};

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

async function friendly<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof HostError) throw new UserError(err.message, HOST_ERROR_EN[err.reason]);
    if (err instanceof SheetTooLargeError) {
      throw new UserError(
        `Arket ${err.sheet} er for stort til at blive kontrolleret (det bruger celler helt ud til ${err.cell}). Slet de overflødige rækker og kolonner, og prøv igen.`,
        `The sheet ${err.sheet} is too large to check (it uses cells as far out as ${err.cell}). Delete the surplus rows and columns and try again.`,
      );
    }
    throw err;
  }
}

/** How long edits must pause before the workbook is checked again (typing a number is several edits). */
export const EDIT_PAUSE_MS = 700;

export function createExcelActions(host: OfficeHost, files: FileActions, { editPauseMs = EDIT_PAUSE_MS } = {}): ExcelActions {
  // The workbook as last read (by the button or an earlier edit): edits re-read only what they touched in it.
  let snapshot: OfficeWorkbookReader | undefined;
  const check = async (reader: OfficeWorkbookReader) => validate(await readSubmission(reader)).map(toFinding);
  const readAll = async () => {
    snapshot = undefined;
    const reader = await host.readWorkbook();
    snapshot = reader;
    return reader;
  };
  return {
    canOpenNewWorkbook: host.features.createWorkbook,
    insertTemplate: (choice, force) =>
      friendly(async () => {
        const plan = buildTemplatePlan({ firstYear: choice.firstYear, administration: choice.administration, unit: choice.unit });
        // The .xlsx is only needed where Excel can insert sheets from a file (ExcelApi 1.13).
        const base64 = host.features.insertFromBase64 ? toBase64(await files.renderTemplate(choice)) : undefined;
        const result = await host.insertTemplate(plan, base64, force);
        return { status: result.status, sheets: result.sheets };
      }),
    validateWorkbook: () => friendly(async () => check(await readAll())),
    canWatchEdits: host.features.worksheetEvents,
    watchWorkbook: async (onFindings, onError) => {
      let pending: Edit[] = [];
      let timer: ReturnType<typeof setTimeout> | undefined;
      // One check at a time, in the order the edits came.
      let queue = Promise.resolve();
      const recheck = () => {
        const edits = pending;
        pending = [];
        queue = queue.then(() =>
          friendly(async () => {
            // A sheet renamed or deleted since it was read cannot be re-read by its old name: read everything again.
            const outcome = snapshot ? await snapshot.applyEdits(edits).catch(() => ({ kind: 'stale' }) as const) : ({ kind: 'stale' } as const);
            if (outcome.kind === 'ignored') return;
            onFindings(await check(outcome.kind === 'stale' ? await readAll() : snapshot!));
          }).catch(onError),
        );
      };
      const stop = await friendly(() =>
        host.watchEdits((edit) => {
          pending.push(edit);
          if (timer !== undefined) clearTimeout(timer);
          timer = setTimeout(recheck, editPauseMs);
        }),
      );
      return async () => {
        if (timer !== undefined) clearTimeout(timer);
        pending = [];
        await stop();
      };
    },
    goToCell: (sheet, cell) => friendly(() => host.goToCell(sheet, cell)),
    writeConsolidated: (plan) =>
      friendly(async () => {
        const r = await host.writeConsolidated(plan);
        return { sheets: r.sheets, missing: r.missing };
      }),
    openAsNewWorkbook: (xlsx) => friendly(() => host.openAsNewWorkbook(toBase64(xlsx))),
    applyFilter: (criteria) => friendly(() => host.applyFilter(criteria)),
    clearFilters: () => friendly(() => host.clearFilters()),
  };
}

/** ExcelActions for the Excel this pane runs in (after Office.onReady reported Excel). */
export function createOfficeExcelActions(files: FileActions): ExcelActions {
  return createExcelActions(OfficeHost.forThisExcel(), files);
}
