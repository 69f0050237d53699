/** Human-readable output of the command line. */
import { findAdministration, unitByCode } from '../core/domain';
import { diagnosticMessage, type Diagnostic, type Lang, type Severity } from '../core/diagnostics';
import type { FileReport } from '../hosts/xlsx/files';
import type { Consolidation } from '../core/consolidate/consolidate';
import { consolidationSummary } from '../core/consolidate/summary';
import type { ParseResult } from '../core/parse/submission';

const kr = (n: number | null): string => (n === null ? '–' : `${n.toLocaleString('da-DK', { maximumFractionDigits: 2 })} kr.`);

export function formatSubmission(file: string, { submission: s, diagnostics }: ParseResult, lang: Lang): string {
  const admin = s.cover.administration ? findAdministration(s.cover.administration) : undefined;
  const lines = [
    `${file}`,
    `  Forvaltning:      ${admin ? `${admin.code} – ${admin.name}` : (s.cover.administrationText ?? '(mangler)')}`,
    `  Budgetår:         ${s.years.length ? `${s.years[0]}–${s.years[s.years.length - 1]}` : '(mangler)'}`,
    `  Beløbsenhed:      ${s.cover.unit ? unitByCode(s.cover.unit).label : '(mangler)'} (beløb nedenfor i kr.)`,
    `  Kontaktperson:    ${s.cover.contact ?? '(mangler)'}`,
    `  Indsendt:         ${s.cover.submissionDate ?? '(mangler)'}`,
    `  Skabelon:         ${s.template.id ?? '?'} ${s.template.version ?? ''}`.trimEnd(),
    `  Mål relevante:    ${s.goals.filter((g) => g.relevant).map((g) => g.goal).join(', ') || '(ingen)'}`,
    `  Indsatser:        ${s.policyInitiatives.length} for politikkens mål, ${s.otherInitiatives.length} for øvrige mål`,
    `  Projekter:        ${s.projects.length}`,
    `  Tabel 1:`,
    ...s.table1.rows.map((r) => `    ${r.label.padEnd(80)} ${r.amounts.map((a) => kr(a.amount)).join(' | ')} | I alt ${kr(r.total)}`),
  ];
  if (diagnostics.length) {
    lines.push('  Bemærkninger ved indlæsning:');
    for (const d of diagnostics) lines.push(`    ${d.sheet ?? ''}${d.cell ? `!${d.cell}` : ''}: ${d.severity} ${d.code}: ${diagnosticMessage(d, lang)}`);
  }
  return `${lines.join('\n')}\n`;
}

export function countBySeverity(list: Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of list) counts[d.severity]++;
  return counts;
}

const WORDS: Record<Lang, Record<Severity, [string, string]> & { unreadable: string; valid: string; invalid: string }> = {
  da: { error: ['fejl', 'fejl'], warning: ['advarsel', 'advarsler'], info: ['bemærkning', 'bemærkninger'], unreadable: 'kan ikke læses', valid: 'gyldig', invalid: 'ugyldig' },
  en: { error: ['error', 'errors'], warning: ['warning', 'warnings'], info: ['note', 'notes'], unreadable: 'unreadable', valid: 'valid', invalid: 'invalid' },
};

export function summaryLine(list: Diagnostic[], lang: Lang): string {
  const counts = countBySeverity(list);
  return (['error', 'warning', 'info'] as const).map((s) => `${counts[s]} ${WORDS[lang][s][counts[s] === 1 ? 0 : 1]}`).join(', ');
}

/** Compiler-style lines: "file.xlsx: Tabel 1!G7: error T1_COLUMN_SUM: …", then a summary line per file. */
export function formatReports(reports: FileReport[], lang: Lang): string {
  const lines: string[] = [];
  for (const r of reports) {
    for (const d of r.diagnostics) {
      const where = d.sheet ? `${d.sheet}${d.cell ? `!${d.cell}` : ''}: ` : '';
      lines.push(`${r.file}: ${where}${d.severity} ${d.code}: ${diagnosticMessage(d, lang)}`);
    }
    lines.push(`${r.file}: ${WORDS[lang][r.status]} (${summaryLine(r.diagnostics, lang)})`);
  }
  return `${lines.join('\n')}\n`;
}

export function formatConsolidation(c: Consolidation, out: string, lang: Lang): string {
  const s = consolidationSummary(c, lang);
  const da = lang === 'da';
  const lines: string[] = [];
  for (const f of c.files) {
    const what = {
      included: f.status === 'valid' ? (da ? 'medtaget' : 'included') : da ? `medtaget med ${f.errors} fejl` : `included with ${f.errors} errors`,
      unreadable: da ? 'kan ikke læses – sprunget over' : 'unreadable – skipped',
      'left-out': da ? `udeladt (${f.errors} fejl, --strict)` : `left out (${f.errors} errors, --strict)`,
      replaced: da ? `erstattet af ${f.replacedBy}` : `replaced by ${f.replacedBy}`,
    }[f.outcome];
    lines.push(`${f.file.name}: ${f.administration ?? '?'} ${f.period ?? ''} – ${what}`.replace(/\s+–/, ' –'));
    if (f.outcome === 'unreadable') lines.push(`  ${diagnosticMessage(f.diagnostics[0], lang)}`);
  }
  const total = s.table1.municipality.total;
  lines.push(
    da
      ? `${c.included.length} forvaltninger, ${s.initiatives.policy + s.initiatives.other} indsatser, ${s.projects.monitored} monitorerede projekter (${s.projects.green} grønne, ${s.projects.yellow} gule, ${s.projects.red} røde), ${s.escalations.length} til fagudvalg.`
      : `${c.included.length} administrations, ${s.initiatives.policy + s.initiatives.other} initiatives, ${s.projects.monitored} monitored projects (${s.projects.green} green, ${s.projects.yellow} yellow, ${s.projects.red} red), ${s.escalations.length} for the committee.`,
  );
  lines.push(`${da ? 'Tabel 1 i alt for hele kommunen' : 'Table 1 total for the municipality'}: ${total.total.toLocaleString('da-DK')} kr.`);
  lines.push(`${da ? 'Samlet status skrevet til' : 'Consolidated status written to'} ${out}`);
  return `${lines.join('\n')}\n`;
}
