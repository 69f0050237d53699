/** Renders a core WorkbookPlan to .xlsx bytes (Node and browser). */
import { concatBytes } from './concat';
import type { WorkbookPlan } from '../../core/plan/types';
import { pakoCompression } from './write/compression';
import { writeWorkbook } from './write/workbook';
import type { Compression } from './write/zip';

/** The whole package in memory; Node code writing to disk uses writePlan (files.ts), which streams to the file. */
export async function renderPlanToBuffer(plan: WorkbookPlan, compression: Compression = pakoCompression()): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await writeWorkbook(plan, compression, (chunk) => chunks.push(chunk));
  return concatBytes(chunks);
}
