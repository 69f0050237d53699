/**
 * One budget per workbook: the uncompressed bytes the reader unpacks, the cells it lays out (every sheet's used
 * range and every defined-name area together) and the wall time it takes. Whatever part or sheet runs over, the
 * file gets one clear finding, never an exhausted heap or an endless run.
 */
import type { Unreadable } from './package';

export interface ReadLimits {
  /** Largest uncompressed worksheet or shared-strings part the reader unpacks. */
  maxSheetPartBytes: number;
  /** Largest uncompressed size of any other part the reader unpacks (workbook, relationships, styles, content types). */
  maxOtherPartBytes: number;
  /** Uncompressed bytes the reader may unpack for one workbook, all parts together. */
  maxReadBytes: number;
  /** Cells the reader may lay out for one workbook: each sheet's used range (rows × columns) plus one per defined-name area. */
  maxCells: number;
  /** Wall time for reading one workbook, in milliseconds. */
  maxReadMs: number;
}

/** A limit of the reader was reached; `unreadable` is the finding the file gets. */
export class ReadLimitError extends Error {
  constructor(readonly unreadable: Unreadable) {
    super(`reading stopped: ${unreadable.reason}`);
    this.name = 'ReadLimitError';
  }
}

export class ReadBudget {
  private bytes = 0;
  private cells = 0;
  private readonly deadline: number;

  constructor(
    readonly limits: ReadLimits,
    private readonly clock: () => number = Date.now,
  ) {
    this.deadline = clock() + limits.maxReadMs;
  }

  /** Before unpacking a part of this size: the part's own limit, then the workbook's. */
  spendBytes(part: string, size: number, sheetContent: boolean): void {
    const limit = sheetContent ? this.limits.maxSheetPartBytes : this.limits.maxOtherPartBytes;
    if (size > limit) throw new ReadLimitError({ reason: sheetContent ? 'ZIP_SHEET_TOO_LARGE' : 'ZIP_PART_TOO_LARGE', part, size, limit });
    this.bytes += size;
    if (this.bytes > this.limits.maxReadBytes) throw new ReadLimitError({ reason: 'FILE_READ_TOO_LARGE', size: this.bytes, limit: this.limits.maxReadBytes });
    this.checkTime();
  }

  /** Before laying out this many cells. */
  spendCells(count: number): void {
    this.cells += count;
    if (this.cells > this.limits.maxCells) throw new ReadLimitError({ reason: 'FILE_TOO_MANY_CELLS', cells: this.cells, maxCells: this.limits.maxCells });
  }

  /** Throws once the wall time is spent (a bound function: scanners call it as they go). */
  readonly checkTime = (): void => {
    if (this.clock() > this.deadline) throw new ReadLimitError({ reason: 'FILE_READ_TIMEOUT', seconds: Math.round(this.limits.maxReadMs / 1000) });
  };
}
