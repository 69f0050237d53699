/**
 * The draft letter to the political committee (brev til fagudvalg) for a project red twice, defined once as blocks of
 * text: the consolidated workbook's letter sheet and the Word document (.docx) are both written from it.
 */
import { findAdministration } from '../domain';
import { formatDanishDate } from '../parse/values';
import { monitoringTotal } from '../monitoring';
import { show } from '../validate/rules/define';
import type { Consolidation, ProjectMonitoring } from './consolidate';
import { formatFigure } from './layout';

export type LetterBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; bold?: boolean }
  | { kind: 'facts'; rows: [string, string][] }
  | { kind: 'table'; header: string[]; rows: string[][] };

export interface EscalationLetter {
  /** A file name for the Word document: administration, project, plain letters only. */
  fileName: string;
  administration: string;
  project: string;
  committee: string;
  /** The title line above the letter ("Udkast – brev til …"). */
  title: string;
  blocks: LetterBlock[];
}

/** "K1 2009, K2 2009 og K4 2009". */
export function listInDanish(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} og ${items[items.length - 1]}`;
}

function kr(amount: number | null): string {
  return amount === null ? 'ikke oplyst' : `${formatFigure(amount)} kr.`;
}

/** A file name safe on every system: letters, digits and dashes (Danish letters spelled out), at most 80 characters. */
export function safeFileName(text: string): string {
  const plain = text
    .replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa').replace(/Æ/g, 'Ae').replace(/Ø/g, 'Oe').replace(/Å/g, 'Aa')
    .normalize('NFKD')
    .replace(/[^\w-]+/g, '-')
    .replace(/_/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return plain.slice(0, 80) || 'projekt';
}

/** The letter for one escalated project. */
export function escalationLetter(m: ProjectMonitoring, generatedAt: string): EscalationLetter {
  const p = m.project;
  const name = p.name ?? '';
  const admin = findAdministration(m.administration);
  const committee = admin?.committee ?? 'fagudvalget';
  const adminName = admin?.name ?? m.administration;
  const reds = listInDanish(m.redQuarters.map((q) => show.quarter(q)));
  const period = p.start && p.end ? `${formatDanishDate(p.start)} – ${formatDanishDate(p.end)}` : 'ikke oplyst';
  // Only the quarters that had ended: a quarter still running has neither figures nor a colour to report.
  const ended = m.quarters.filter((q) => q.ended).map((q) => q.quarter);
  const quarterHeaders = ended.map((q) => `Opnået ultimo K${q}${m.statusYear ? ` ${m.statusYear}` : ''}`);
  const criteria = p.criteria.map((c) => [
    c.indicator ?? 'Succeskriterie uden navn',
    c.target === null ? '–' : formatFigure(c.target),
    ...ended.map((q) => {
      const v = c.quarterly[q - 1];
      return v === null || v === undefined ? '–' : formatFigure(v);
    }),
  ]);
  const colourName = { red: 'rød', yellow: 'gul', green: 'grøn' } as const;
  const colours = m.quarters.filter((q) => q.ended).map((q) => `K${q.quarter}: ${q.effective ? colourName[q.effective] : 'ingen farve'}`);
  const blocks: LetterBlock[] = [
    { kind: 'paragraph', text: `København, ${formatDanishDate(generatedAt.slice(0, 10))}` },
    { kind: 'paragraph', text: `Til ${committee}` },
    { kind: 'heading', text: `Projektet "${name}" er vurderet rødt for anden gang` },
    {
      kind: 'paragraph',
      text: `Projektet "${name}" under ${adminName} er i den kvartalsvise projektmonitorering vurderet rødt (væsentlige problemer i forhold til projektets mål) i ${reds}. Efter proceduren for projekter i rødt forelægges et projekt, der er rødt to gange, for det relevante fagudvalg, som tager stilling til projektets fremtid.`,
    },
    {
      kind: 'facts',
      rows: [
        ['Projekt', name],
        ['Forvaltning', adminName],
        ['Pulje/fond', p.fund ?? 'ikke oplyst'],
        ['Projektperiode', period],
        ['Kommunal medfinansiering', `${kr(monitoringTotal(p))} over hele projektperioden`],
        ['Røde kvartaler', reds],
        [`Farver i statusåret ${m.statusYear ?? ''}`.trim(), colours.join(', ') || 'ingen afsluttede kvartaler'],
      ],
    },
    { kind: 'heading', text: 'Succeskriterier og opnåede resultater' },
    criteria.length
      ? { kind: 'table', header: ['Succeskriterie', 'Mål for perioden', ...quarterHeaders], rows: criteria }
      : { kind: 'paragraph', text: 'Projektet har ikke angivet succeskriterier.' },
    { kind: 'paragraph', text: 'Tallene er opgjort samlet fra projektets start til udgangen af hvert kvartal og holdes op mod den andel af hele projektperioden, der var gået.' },
    { kind: 'heading', text: 'Handlingsplan' },
    { kind: 'paragraph', text: p.actionPlan ?? 'Forvaltningen har ikke beskrevet en handlingsplan i redegørelsen. Handlingsplanen indhentes, før brevet sendes.' },
    { kind: 'heading', text: 'Indstilling' },
    {
      kind: 'paragraph',
      text: `Kontoret for Integration indstiller, at ${committee} tager stilling til, om projektet fortsætter efter handlingsplanen, ændres eller afsluttes.`,
    },
    { kind: 'paragraph', text: 'Med venlig hilsen' },
    { kind: 'paragraph', text: 'Kontoret for Integration\nBeskæftigelses- og Integrationsforvaltningen' },
  ];
  return {
    fileName: `${safeFileName(`brev-${m.administration}-${name}`)}.docx`,
    administration: m.administration,
    project: name,
    committee,
    title: `Udkast – brev til ${committee}`,
    blocks,
  };
}

/** One letter per escalated project, in the order of the monitoring list; file names made unique. */
export function escalationLetters(c: Consolidation): EscalationLetter[] {
  const seen = new Map<string, number>();
  return c.monitoring
    .filter((m) => m.escalate)
    .map((m) => {
      const letter = escalationLetter(m, c.generatedAt);
      const n = (seen.get(letter.fileName) ?? 0) + 1;
      seen.set(letter.fileName, n);
      return n === 1 ? letter : { ...letter, fileName: letter.fileName.replace(/\.docx$/, `-${n}.docx`) };
    });
}
