/** The rows of "Samlet status" as the Filtrér view's result list shows them: each field by its layout key, sorted and summed. */
import { COLOURS, COLOUR_LABELS, QUARTERS, type Colour } from '../core/domain';
import type { Lang } from '../core/diagnostics';
import type { OverviewCell, OverviewTable } from '../core/consolidate/filter';
import { OUTPUT, administrationCodeOf, type OverviewKey } from '../core/consolidate/layout';

/** What a card shows, by the layout key of the column it comes from. */
export const CARD_KEYS = {
  name: 'name',
  administration: 'administration',
  kind: 'kind',
  amount: 'economyTotal',
  colour: 'currentColour',
  escalation: 'escalation',
} as const satisfies Record<string, OverviewKey>;

const QUARTER_KEYS: readonly OverviewKey[] = QUARTERS.map((q) => `quarterColour:${q}` as const);

export interface ResultRow {
  /** Position in the table (a stable key). */
  index: number;
  name: string;
  /** The Forvaltning cell as written, e.g. "SOF – Socialforvaltningen". */
  administration: string;
  /** Its code, e.g. "SOF" (the text itself when it names no known administration). */
  code: string;
  kind: string | null;
  amount: number | null;
  colour: Colour | null;
  /** Colour per quarter of the status year (null where none). */
  quarters: (Colour | null)[];
  escalated: boolean;
}

const COLOUR_OF = new Map<string, Colour>(COLOURS.map((c) => [COLOUR_LABELS[c], c]));

export function toResultRows(table: OverviewTable, rows: OverviewCell[][]): ResultRow[] {
  const at = (key: OverviewKey) => table.keys.indexOf(key);
  const i = { name: at(CARD_KEYS.name), administration: at(CARD_KEYS.administration), kind: at(CARD_KEYS.kind), amount: at(CARD_KEYS.amount), colour: at(CARD_KEYS.colour), escalation: at(CARD_KEYS.escalation) };
  const quarters = QUARTER_KEYS.map(at);
  const text = (row: OverviewCell[], k: number) => (k < 0 || row[k] === null ? null : String(row[k]));
  const colour = (row: OverviewCell[], k: number) => COLOUR_OF.get(text(row, k) ?? '') ?? null;
  return rows.map((row, index) => {
    const administration = text(row, i.administration) ?? '';
    const amount = i.amount < 0 ? null : row[i.amount];
    return {
      index,
      name: text(row, i.name) ?? '',
      administration,
      code: administrationCodeOf(administration),
      kind: text(row, i.kind),
      amount: typeof amount === 'number' ? amount : null,
      colour: colour(row, i.colour),
      quarters: quarters.map((k) => colour(row, k)),
      escalated: text(row, i.escalation) === OUTPUT.escalated,
    };
  });
}

export type SortKey = 'amount' | 'name' | 'administration' | 'colour';
export const SORT_KEYS: readonly SortKey[] = ['amount', 'name', 'administration', 'colour'];

/** Red first: the list is read for what needs attention. */
const COLOUR_RANK: Record<Colour, number> = { red: 0, yellow: 1, green: 2 };

/** Amounts largest first, names and administrations alphabetically, colours red first; rows without the field last. */
export function sortRows(rows: readonly ResultRow[], by: SortKey, lang: Lang): ResultRow[] {
  const collator = new Intl.Collator(lang === 'da' ? 'da-DK' : 'en-GB');
  const byName = (a: ResultRow, b: ResultRow) => collator.compare(a.name, b.name) || a.index - b.index;
  const compare: Record<SortKey, (a: ResultRow, b: ResultRow) => number> = {
    amount: (a, b) => (b.amount ?? -Infinity) - (a.amount ?? -Infinity) || byName(a, b),
    name: byName,
    administration: (a, b) => collator.compare(a.code, b.code) || byName(a, b),
    colour: (a, b) => (a.colour ? COLOUR_RANK[a.colour] : 3) - (b.colour ? COLOUR_RANK[b.colour] : 3) || byName(a, b),
  };
  return [...rows].sort(compare[by]);
}

/** The sum of the amounts shown (to the øre, as the workbook rounds). */
export function sumOf(rows: readonly ResultRow[]): number {
  return Math.round(rows.reduce((s, r) => s + (r.amount ?? 0), 0) * 100) / 100;
}
