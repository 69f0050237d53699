/** Human-readable output of the command line, in the run's language; every line is made terminal-safe. */
import { findAdministration, unitByCode } from '../core/domain';
import { diagnosticMessage, type Diagnostic, type Lang, type Severity } from '../core/diagnostics';
import type { FileReport } from '../hosts/xlsx/files';
import type { Consolidation } from '../core/consolidate/consolidate';
import { consolidationSummary } from '../core/consolidate/summary';
import type { ParseResult } from '../core/parse/submission';
import { textLines } from './terminal';
import { count, TEXT, type Text } from './text';

const kr = (n: number | null): string => (n === null ? '–' : `${n.toLocaleString('da-DK', { maximumFractionDigits: 2 })} kr.`);

const where = (d: Diagnostic): string => (d.sheet ? `${d.sheet}${d.cell ? `!${d.cell}` : ''}: ` : '');

export function formatSubmission(file: string, { submission: s, diagnostics }: ParseResult, lang: Lang): string {
  const t = TEXT[lang];
  const l = t.inspect.labels;
  const missing = t.inspect.missing;
  const admin = s.cover.administration ? findAdministration(s.cover.administration) : undefined;
  const field = (label: string, value: string) => `  ${`${label}:`.padEnd(18)}${value}`;
  const lines = [
    file,
    field(l.administration, admin ? `${admin.code} – ${admin.name}` : (s.cover.administrationText ?? missing)),
    field(l.years, s.years.length ? `${s.years[0]}–${s.years[s.years.length - 1]}` : missing),
    field(l.unit, `${s.cover.unit ? unitByCode(s.cover.unit).label : missing} ${l.unitNote}`),
    field(l.contact, s.cover.contact ?? missing),
    field(l.submitted, s.cover.submissionDate ?? missing),
    field(l.template, `${s.template.id ?? '?'} ${s.template.version ?? ''}`.trimEnd()),
    field(l.relevantGoals, s.goals.filter((g) => g.relevant).map((g) => g.goal).join(', ') || t.inspect.none),
    field(l.initiatives, t.inspect.initiativeCounts(s.policyInitiatives.length, s.otherInitiatives.length)),
    field(l.projects, String(s.projects.length)),
    `  ${l.table1}:`,
    ...s.table1.rows.map((r) => `    ${r.label.padEnd(80)} ${r.amounts.map((a) => kr(a.amount)).join(' | ')} | ${l.total} ${kr(r.total)}`),
  ];
  if (diagnostics.length) {
    lines.push(`  ${l.readingNotes}:`);
    for (const d of diagnostics) lines.push(`    ${where(d)}${t.severity[d.severity]} ${d.code}: ${diagnosticMessage(d, lang)}`);
  }
  return textLines(lines);
}

export function countBySeverity(list: Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of list) counts[d.severity]++;
  return counts;
}

/** "13 fejl, 3 advarsler, 0 bemærkninger". */
function findingCounts(t: Text, counts: Record<Severity, number>): string {
  return (['error', 'warning', 'info'] as const).map((s) => count(t, counts[s], t.forms[s])).join(', ');
}

export function summaryLine(list: Diagnostic[], lang: Lang): string {
  return findingCounts(TEXT[lang], countBySeverity(list));
}

/**
 * Compiler-style lines: "file.xlsx: Tabel 1!G7: fejl T1_COLUMN_SUM: …", a summary line per file, and one over all
 * files: "I alt 7 filer: 6 gyldige, 1 ugyldig, 0 kan ikke læses (13 fejl, 3 advarsler, 2 bemærkninger)".
 */
export function formatReports(reports: FileReport[], lang: Lang): string {
  const t = TEXT[lang];
  const lines: string[] = [];
  const all: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const statuses = { valid: 0, invalid: 0, unreadable: 0 };
  for (const r of reports) {
    for (const d of r.diagnostics) lines.push(`${r.file}: ${where(d)}${t.severity[d.severity]} ${d.code}: ${diagnosticMessage(d, lang)}`);
    const counts = countBySeverity(r.diagnostics);
    lines.push(`${r.file}: ${t.status[r.status]} (${findingCounts(t, counts)})`);
    for (const s of ['error', 'warning', 'info'] as const) all[s] += counts[s];
    statuses[r.status]++;
  }
  const byStatus = [count(t, statuses.valid, t.forms.valid), count(t, statuses.invalid, t.forms.invalid), t.unreadableCount(statuses.unreadable.toLocaleString(t.locale))];
  lines.push(t.allFiles(count(t, reports.length, t.forms.file), byStatus.join(', '), findingCounts(t, all)));
  return textLines(lines);
}

export function formatConsolidation(c: Consolidation, out: string, lang: Lang, lettersDir?: string): string {
  const t = TEXT[lang];
  const s = consolidationSummary(c, lang);
  const errors = (n: number) => count(t, n, t.forms.error);
  const lines: string[] = [];
  for (const f of c.files) {
    const what = {
      included: f.status === 'valid' ? t.consolidate.included : t.consolidate.includedWithErrors(errors(f.errors)),
      unreadable: t.consolidate.unreadable,
      'left-out': t.consolidate.leftOut(errors(f.errors)),
      replaced: t.consolidate.replaced(f.replacedBy ?? '?'),
      'other-period': t.consolidate.otherPeriod(c.period),
      compared: t.consolidate.compared(c.period),
    }[f.outcome];
    lines.push(`${f.file.name}: ${f.administration ?? '?'} ${f.period ?? ''} – ${what}`.replace(/\s+–/, ' –'));
    if (f.outcome === 'unreadable') lines.push(`  ${diagnosticMessage(f.diagnostics[0], lang)}`);
  }
  const colours = [count(t, s.projects.green, t.forms.green), count(t, s.projects.yellow, t.forms.yellow), count(t, s.projects.red, t.forms.red)].join(', ');
  lines.push(
    t.consolidate.totals(
      count(t, c.included.length, t.forms.administration),
      count(t, s.initiatives.policy + s.initiatives.other, t.forms.initiative),
      count(t, s.projects.monitored, t.forms.monitoredProject),
      colours,
      s.escalations.length,
    ),
  );
  lines.push(`${t.consolidate.municipalityTotal}: ${s.table1.municipality.total.total.toLocaleString('da-DK')} kr.`);
  if (c.leftOutPeriods.length) lines.push(t.consolidate.periodsLeftOut(c.leftOutPeriods.map((l) => `${l.period} (${l.files.join(', ')})`).join('; ')));
  const newlyRed = c.monitoring.filter((m) => m.newlyRed);
  if (newlyRed.length) lines.push(t.consolidate.newlyRed(newlyRed.map((m) => `${m.project.name} (${m.administration})`).join(', ')));
  lines.push(`${t.consolidate.written} ${out}`);
  const escalated = c.monitoring.filter((m) => m.escalate).length;
  if (lettersDir && escalated) lines.push(t.consolidate.lettersWritten(escalated, lettersDir));
  return textLines(lines);
}
