import * as React from 'react';
import { Button, Checkbox, Field, Input, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ADMINISTRATIONS, COLOURS, GOAL_LETTERS, administrationLabel, type Colour, type GoalLetter } from '../../core/domain';
import type { ConsolidationResult, FilterCriteria, FilterResult, PaneActions } from '../actions';
import { filterOverview } from '../../core/consolidate/filter';
import { formatKr } from '../i18n';
import { sumOf, toResultRows } from '../resultRows';
import { ErrorBar, useAction, useResultAnnouncer, useViewStyles, type ViewProps } from './common';
import { ResultList } from './ResultList';

const useStyles = makeStyles({
  group: { border: 'none', margin: '0', padding: '0', display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS, minWidth: '0' },
  legend: { padding: '0', marginBottom: tokens.spacingVerticalXXS, fontWeight: tokens.fontWeightSemibold },
  toggle: { paddingLeft: '0', justifyContent: 'flex-start', minWidth: '0', textAlign: 'left' },
  filters: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  counts: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  sum: { fontVariantNumeric: 'tabular-nums' },
});

export interface FilterViewProps extends ViewProps {
  actions: PaneActions;
  /** The consolidation made in this session (for the browser's result list). */
  consolidation: ConsolidationResult | undefined;
}

const ADMIN_LABELS = ADMINISTRATIONS.map(administrationLabel);

export function FilterView({ actions, consolidation, t, lang }: FilterViewProps): React.JSX.Element {
  const styles = useStyles();
  const view = useViewStyles();
  const excel = actions.excel;
  const [administrations, setAdministrations] = React.useState<string[]>([]);
  const [goals, setGoals] = React.useState<GoalLetter[]>([]);
  const [colours, setColours] = React.useState<Colour[]>([]);
  const [year, setYear] = React.useState('');
  const [escalatedOnly, setEscalatedOnly] = React.useState(false);
  const [redInYear, setRedInYear] = React.useState(false);
  const [excelResult, setExcelResult] = React.useState<FilterResult | undefined>(undefined);
  // In a browser with rows to show, the filters start folded so the first results are in view at once.
  const hasRows = !excel && !!consolidation;
  const [filtersOpen, setFiltersOpen] = React.useState(!hasRows);
  React.useEffect(() => setFiltersOpen(!hasRows), [hasRows]);
  const action = useAction();
  const result = useResultAnnouncer(lang);

  const yearNumber = year.trim() === '' ? undefined : Number(year);
  const yearValid = yearNumber === undefined || (Number.isInteger(yearNumber) && yearNumber >= 2000 && yearNumber <= 2100);
  const criteria: FilterCriteria = {
    ...(administrations.length ? { administrations } : {}),
    ...(goals.length ? { goals } : {}),
    ...(colours.length ? { colours } : {}),
    ...(redInYear ? { redInYear } : {}),
    ...(yearNumber !== undefined && yearValid ? { year: yearNumber } : {}),
    ...(escalatedOnly ? { escalatedOnly } : {}),
  };
  const active = administrations.length + goals.length + colours.length + (redInYear ? 1 : 0) + (yearNumber !== undefined && yearValid ? 1 : 0) + (escalatedOnly ? 1 : 0);

  const toggle = <T,>(list: T[], item: T, on: boolean): T[] => (on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item));

  const reset = () => {
    setAdministrations([]);
    setGoals([]);
    setColours([]);
    setYear('');
    setEscalatedOnly(false);
    setRedInYear(false);
  };

  // In a plain browser the list follows the criteria as they change.
  const local = !excel && consolidation ? filterOverview(consolidation.overview, criteria) : undefined;
  const rows = local && consolidation ? toResultRows(consolidation.overview, local) : undefined;
  const shown = excel ? excelResult : rows && consolidation ? { visibleRows: rows.length, totalRows: consolidation.overview.rows.length } : undefined;
  const sum = rows ? sumOf(rows) : undefined;
  const said = (r: FilterResult, total?: number) => [t.shown(r.visibleRows, r.totalRows), ...(total !== undefined ? [t.sumShown(formatKr(total, lang))] : [])].join('. ');

  // A browser's list changes as a box is ticked: the count is said, focus stays on the box (unless "Ryd filtre" asked for it).
  const announce = result.announce;
  const spoken = shown && !excel ? said(shown, sum) : undefined;
  const first = React.useRef(true);
  const focusNext = React.useRef(false);
  React.useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (spoken) announce(spoken, focusNext.current);
    focusNext.current = false;
  }, [spoken, announce]);

  const apply = async () => {
    const r = await action.run(() => excel!.applyFilter(criteria));
    if (r) {
      setExcelResult(r);
      result.announce(said(r));
    }
  };
  const clear = async () => {
    reset();
    if (excel) {
      const r = await action.run(() => excel.clearFilters());
      if (r) {
        setExcelResult(r);
        result.announce(said(r));
      }
    } else if (consolidation) {
      const all = toResultRows(consolidation.overview, consolidation.overview.rows);
      const allSaid = said({ visibleRows: all.length, totalRows: all.length }, sumOf(all));
      // Where clearing changes the list, the list's own announcement says it (once), with focus on the result.
      if (allSaid === spoken) result.announce(allSaid);
      else focusNext.current = true;
    }
  };

  return (
    <div className={view.view}>
      <Text>{excel ? t.filterIntro : t.filterIntroBrowser}</Text>
      {!excel && !consolidation ? <Text weight="semibold">{t.filterNeedsData}</Text> : null}

      <section className={view.section} aria-labelledby="filters-heading">
        <h2 id="filters-heading" className={view.heading}>
          <Button
            appearance="transparent"
            className={styles.toggle}
            aria-expanded={filtersOpen}
            aria-controls="filter-controls"
            onClick={() => setFiltersOpen(!filtersOpen)}
            data-testid="filters-toggle"
          >
            {filtersOpen ? '▾' : '▸'} {t.filtersHeading}
            {active ? ` (${t.activeFilters(active)})` : ''}
          </Button>
        </h2>
        <div id="filter-controls" className={filtersOpen ? styles.filters : view.hiddenInput}>
          <fieldset className={styles.group}>
            <legend className={styles.legend}>{t.administration}</legend>
            {ADMIN_LABELS.map((label) => (
              <Checkbox
                key={label}
                label={label}
                checked={administrations.includes(label)}
                onChange={(_, d) => setAdministrations(toggle(administrations, label, d.checked === true))}
              />
            ))}
          </fieldset>

          <fieldset className={styles.group}>
            <legend className={styles.legend}>{t.goals}</legend>
            {GOAL_LETTERS.map((g) => (
              <Checkbox key={g} label={t.goal(g)} checked={goals.includes(g)} onChange={(_, d) => setGoals(toggle(goals, g, d.checked === true))} />
            ))}
          </fieldset>

          <fieldset className={styles.group}>
            <legend className={styles.legend}>{t.colour}</legend>
            {COLOURS.map((c) => (
              <Checkbox key={c} label={t.colours[c]} checked={colours.includes(c)} onChange={(_, d) => setColours(toggle(colours, c, d.checked === true))} />
            ))}
            <Checkbox label={t.redInYear} checked={redInYear} onChange={(_, d) => setRedInYear(d.checked === true)} />
          </fieldset>

          <Field label={t.year} validationState={yearValid ? 'none' : 'error'}>
            <Input type="number" min={2000} max={2100} value={year} onChange={(_, d) => setYear(d.value)} />
          </Field>

          <Switch label={t.escalatedOnly} checked={escalatedOnly} onChange={(_, d) => setEscalatedOnly(d.checked)} />
        </div>
        <div className={view.row}>
          {excel ? (
            <Button appearance="primary" disabled={action.busy || !yearValid} onClick={() => void apply()}>
              {t.apply}
            </Button>
          ) : null}
          {excel || filtersOpen || active ? (
            <Button disabled={action.busy} onClick={() => void clear()}>
              {t.clear}
            </Button>
          ) : null}
        </div>
      </section>
      <ErrorBar error={action.error} onDismiss={action.clearError} t={t} lang={lang} />
      {result.liveRegion}

      {shown ? (
        <section className={view.section} aria-labelledby="filter-result-heading">
          <h2 id="filter-result-heading" ref={result.headingRef} tabIndex={-1} className={`${view.heading} ${view.resultHeading}`}>
            {t.resultsHeading}
          </h2>
          <div className={styles.counts}>
            <Text weight="semibold" data-testid="filter-count">
              {t.shown(shown.visibleRows, shown.totalRows)}
            </Text>
            {sum !== undefined ? (
              <Text className={styles.sum} data-testid="filter-sum">
                {t.sumShown(formatKr(sum, lang))}
              </Text>
            ) : null}
          </div>
          {rows ? <ResultList rows={rows} t={t} lang={lang} /> : null}
        </section>
      ) : null}
    </div>
  );
}
