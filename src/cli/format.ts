/** Human-readable output of the command line. */
import { findAdministration, unitByCode } from '../core/domain';
import { diagnosticMessage, type Lang } from '../core/diagnostics';
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
