import * as React from 'react';
import { Button, Checkbox, Field, Input, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ADMINISTRATIONS, COLOURS, GOAL_LETTERS, administrationLabel, type Colour, type GoalLetter } from '../../core/domain';
import type { ConsolidationResult, FilterCriteria, FilterResult, PaneActions } from '../actions';
import { filterOverview } from '../../core/consolidate/filter';
import { ErrorBar, useAction, useViewStyles, type ViewProps } from './common';
import { OverviewGrid } from './OverviewGrid';

const useStyles = makeStyles({
  group: { border: 'none', margin: '0', padding: '0', display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS },
  legend: { padding: '0', marginBottom: tokens.spacingVerticalXXS, fontWeight: tokens.fontWeightSemibold },
});

export interface FilterViewProps extends ViewProps {
  actions: PaneActions;
  /** The consolidation made in this session (for the browser grid). */
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
  const action = useAction();

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

  const toggle = <T,>(list: T[], item: T, on: boolean): T[] => (on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item));

  const reset = () => {
    setAdministrations([]);
    setGoals([]);
    setColours([]);
    setYear('');
    setEscalatedOnly(false);
    setRedInYear(false);
  };

  const apply = async () => {
    const r = await action.run(() => excel!.applyFilter(criteria));
    if (r) setExcelResult(r);
  };
  const clear = async () => {
    reset();
    if (excel) {
      const r = await action.run(() => excel.clearFilters());
      if (r) setExcelResult(r);
    }
  };

  // In a plain browser the grid follows the criteria as they change.
  const local = !excel && consolidation ? filterOverview(consolidation.overview, criteria) : undefined;
  const shown = excel ? excelResult : local && consolidation ? { visibleRows: local.length, totalRows: consolidation.overview.rows.length } : undefined;

  return (
    <div className={view.view}>
      <Text>{excel ? t.filterIntro : t.filterIntroBrowser}</Text>
      {!excel && !consolidation ? <Text weight="semibold">{t.filterNeedsData}</Text> : null}

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
      </fieldset>
      <Switch label={t.redInYear} checked={redInYear} onChange={(_, d) => setRedInYear(d.checked)} />

      <Field label={t.year} validationState={yearValid ? 'none' : 'error'}>
        <Input type="number" min={2000} max={2100} value={year} onChange={(_, d) => setYear(d.value)} />
      </Field>

      <Switch label={t.escalatedOnly} checked={escalatedOnly} onChange={(_, d) => setEscalatedOnly(d.checked)} />

      <div className={view.row}>
        {excel ? (
          <Button appearance="primary" disabled={action.busy || !yearValid} onClick={() => void apply()}>
            {t.apply}
          </Button>
        ) : null}
        <Button disabled={action.busy} onClick={() => void clear()}>
          {t.clear}
        </Button>
      </div>
      <ErrorBar error={action.error} onDismiss={action.clearError} t={t} lang={lang} />

      <div aria-live="polite">
        {shown ? (
          <Text weight="semibold" data-testid="filter-count">
            {t.shown(shown.visibleRows, shown.totalRows)}
          </Text>
        ) : null}
      </div>

      {local && consolidation ? <OverviewGrid table={consolidation.overview} rows={local} t={t} lang={lang} /> : null}
    </div>
  );
}
