/** What every check shares: the submission, where its parts were found, and the findings added so far. */
import { cellRef } from '../cells';
import { makeDiagnostic, type Code, type Diagnostic, type ParamsArgs, type Where } from '../diagnostics';
import { unitByCode, type UnitCode } from '../domain';
import type { Submission } from '../model';
import type { Layout } from '../parse/submission';
import { COVER, anyColumnId, type CoverFieldKey, type FieldRef, type PerYearKeyOf, type PlainKeyOf, type TableAreas } from '../template/definition';

type AnyArea = TableAreas[keyof TableAreas];
import type { Amount } from './rules/define';

export interface ValidationOptions {
  /** Overrides the deadline written on the cover (ISO date). */
  deadline?: string;
}

export class Findings {
  readonly list: Diagnostic[] = [];
  /** Every amount above 0 the checks saw, for judging the statement's unit as a whole (checks/amounts.ts). */
  readonly positiveAmounts: { kr: number; where: Where; field: FieldRef }[] = [];

  constructor(
    readonly s: Submission,
    readonly layout: Layout,
    readonly options: ValidationOptions = {},
  ) {}

  /** Report a finding; the value found is kept as text. */
  add<C extends Code>(code: C, where: Where, ...[params, value]: ParamsArgs<C, string | number | null>): void {
    const text = value === null || value === undefined ? undefined : String(value);
    this.list.push((makeDiagnostic as (code: Code, where: Where, params?: object, value?: string) => Diagnostic)(code, where, params, text));
  }

  /** The submission's amount unit (kr. until the cover gives one). */
  get unit(): UnitCode {
    return this.s.cover.unit ?? 'kr';
  }

  /** Kroner per unit of the submission's amounts. */
  get unitFactor(): number {
    return unitByCode(this.unit).factor;
  }

  /** An amount in kr. with the unit the submission shows it in. */
  amount(kr: number): Amount {
    return { kr, unit: this.unit };
  }

  cover(key: CoverFieldKey): Where {
    return this.layout.cover[key] ?? { sheet: COVER.sheet, cell: null };
  }

  /** The cell of a column in an area's row; a per-year column needs its year. */
  at<A extends AnyArea>(area: A, column: PlainKeyOf<A>, row: number): Where;
  at<A extends AnyArea>(area: A, column: PerYearKeyOf<A>, row: number, year: number): Where;
  at(area: AnyArea, column: string, row: number, year?: number): Where {
    const found = this.layout.areas[area.key];
    if (!found) return { sheet: area.sheet, cell: null };
    const col = (found.columns as Partial<Record<string, number>>)[anyColumnId(column, year)];
    return { sheet: found.sheet, cell: col === undefined ? null : cellRef(row, col) };
  }
}
