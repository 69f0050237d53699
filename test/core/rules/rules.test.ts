/**
 * The rule catalogue, held to its promises: every code has a message in both languages and a break-and-fix case,
 * the English messages hold no Danish of the catalogue's own, and every case breaks and is fixed as declared.
 */
import { makeDiagnostic } from '../../../src/core/diagnostics';
import { AREAS, CATALOGUE, CODES, type Area, type Code } from '../../../src/core/validate/rules';
import { ADMINISTRATION_CODES, COLOUR_LABELS, NO, UNITS, YES } from '../../../src/core/domain';
import { COVER, INFO, SHEET_NAMES, TABLE1, TABLE_AREAS, TEMPLATE_ID } from '../../../src/core/template/definition';
import { exampleParams, render, type Lang, type Param, type Rule } from '../../../src/core/validate/rules/define';
import { amountCases, amountExamples } from './amounts.cases';
import { coverCases, coverExamples } from './cover.cases';
import { fileCases } from './file.cases';
import { goalCases } from './goals.cases';
import { runCases, type BreakAndFix, type Cases, type Example } from './harness';
import { initiativeCases, initiativeExamples } from './initiatives.cases';
import { previousCases } from './previous.cases';
import { projectCases } from './projects.cases';
import { readingCases } from './reading.cases';
import { table1Cases, table1Examples } from './table1.cases';
import { templateCases } from './template.cases';

/** The cases of every area: an area of the catalogue without its cases does not compile. */
const CASES: { [A in Area]: Cases<A> } = {
  file: fileCases,
  template: templateCases,
  reading: readingCases,
  cover: coverCases,
  goals: goalCases,
  initiatives: initiativeCases,
  amounts: amountCases,
  table1: table1Cases,
  projects: projectCases,
  previous: previousCases,
};

/** Further cases (accepted spellings, exact messages), by area. */
const EXAMPLES: Partial<Record<Area, Example[]>> = {
  cover: coverExamples,
  initiatives: initiativeExamples,
  amounts: amountExamples,
  table1: table1Examples,
};

for (const area of Object.keys(CASES) as Area[]) runCases(area, CASES[area] as Cases<Area>, EXAMPLES[area]);

/** Every combination of the parameters' sample values, so each branch of a message is written once. */
function paramSets(rule: Rule): Record<string, unknown>[] {
  let sets: Record<string, unknown>[] = [exampleParams(rule)];
  for (const [name, p] of Object.entries(rule.params) as [string, Param<unknown>][]) {
    if (!p.samples) continue;
    sets = sets.flatMap((s) => p.samples!.map((v) => ({ ...s, [name]: v })));
  }
  return sets;
}

const render_ = (code: Code, lang: Lang, params: Record<string, unknown>) => render(CATALOGUE[code] as Rule, lang, params);
const messages = (code: Code, lang: Lang) => paramSets(CATALOGUE[code] as Rule).map((p) => render_(code, lang, p));
/** Words of two letters or more (single letters are goal letters, quarters K1–K4, "e.g."). */
const words = (text: string) => text.toLowerCase().match(/[a-zæøåé]{2,}/g) ?? [];

/** The text in a value, however deep (a name in a subject, a label in a field reference). */
const texts = (v: unknown): string[] => (typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(texts) : []);

/**
 * Words an English message may share with the Danish ones: the template's and the domain's labels, quoted
 * verbatim (sheet names, titles, headers, field labels, Ja/Nej, colours, units, defined names), product and file
 * names, and the few words spelled alike in both languages.
 */
const LABELS = new Set(
  [
    ...Object.values(SHEET_NAMES),
    ...COVER.fields.flatMap((f) => [f.label, f.definedName]),
    ...TABLE_AREAS.flatMap((a) => [a.title, a.definedName, ...a.columns.map((c) => c.header)]),
    TABLE1.title,
    TABLE1.definedName,
    TABLE1.totalHeader,
    ...TABLE1.rows.map((r) => r.label),
    INFO.idLabel,
    INFO.versionLabel,
    TEMPLATE_ID,
    YES,
    NO,
    ...Object.values(COLOUR_LABELS),
    ...UNITS.map((u) => u.label),
    ...ADMINISTRATION_CODES,
    'Excel Office Word PowerPoint OpenDocument PDF HTML XML RTF zip xlsx xls xlsb ods MB KB byte',
    'send start under data',
  ].flatMap(words),
);

/** English words of a code's messages that are Danish words of the catalogue and none of the above. */
function danishInEnglish(code: Code, danish: Set<string>): string[] {
  return paramSets(CATALOGUE[code] as Rule).flatMap((params) => {
    const given = new Set(texts(params).flatMap(words));
    return words(render_(code, 'en', params)).filter((w) => danish.has(w) && !LABELS.has(w) && !given.has(w));
  });
}

describe('the catalogue', () => {
  it('has each code in exactly one area, and a break-and-fix case for each', () => {
    const byArea = Object.values(AREAS).flatMap((rules) => Object.keys(rules));
    expect([...byArea].sort()).toEqual([...CODES].sort());
    const withCase = Object.values(CASES).flatMap((cases) => Object.entries(cases as Record<string, BreakAndFix | BreakAndFix[]>).filter(([, c]) => [c].flat().length > 0).map(([code]) => code));
    expect(withCase.sort()).toEqual([...CODES].sort());
  });

  it.each(CODES)('%s has a message in Danish and in English, for every sample of its parameters', (code) => {
    for (const lang of ['da', 'en'] as const) {
      for (const text of messages(code, lang)) expect(text).toMatch(/^["A-ZÆØÅ“].{10,}[.?]$/s);
    }
    expect(messages(code, 'da')).not.toEqual(messages(code, 'en'));
  });

  const danish = new Set(CODES.flatMap((c) => messages(c, 'da').flatMap(words)));

  it('has no word of the Danish messages in the English ones, beyond labels quoted verbatim and the values given', () => {
    expect(CODES.flatMap((code) => danishInEnglish(code, danish).map((w) => `${code}: ${w}`))).toEqual([]);
  });

  it('names quarters Q1–Q4 in English and K1–K4 in Danish', () => {
    const withQuarter = CODES.filter((code) => messages(code, 'da').some((t) => /\bK[1-4]\b/.test(t)));
    expect(withQuarter.length).toBeGreaterThan(0);
    for (const code of withQuarter) {
      for (const text of messages(code, 'en')) expect(text).not.toMatch(/\bK[1-4]\b/);
      expect(messages(code, 'en').some((t) => /\bQ[1-4]\b/.test(t))).toBe(true);
    }
  });

  it('refuses a misspelt code or a missing parameter when compiling (npm run typecheck checks these lines)', () => {
    const where = { sheet: null, cell: null };
    // @ts-expect-error: a misspelt code
    expect(() => makeDiagnostic('COVER_ADMN_MISSING', where)).toThrow();
    // @ts-expect-error: T1_RECONCILE's parameters lack the expected amount
    expect(makeDiagnostic('T1_RECONCILE', where, { row: 'policy', year: 2011, found: { kr: 1, unit: 'kr' } }).code).toBe('T1_RECONCILE');
    // @ts-expect-error: COVER_ADMIN_UNKNOWN needs the text found
    expect(makeDiagnostic('COVER_ADMIN_UNKNOWN', where).code).toBe('COVER_ADMIN_UNKNOWN');
  });

  it('catches Danish prose in an English message (the check can fail)', () => {
    const prose = 'Table 1 says 3,9 mio. kr., but indsatserne på arket Indsatser øvrige mål adds up to 3,77 mio. kr.';
    expect(words(prose).filter((w) => danish.has(w) && !LABELS.has(w))).toEqual(['indsatserne', 'arket']);
  });
});
