/** Which budget period to consolidate: the latest (default), one named, or every period each on its own. */
import * as React from 'react';
import { Field, Select } from '@fluentui/react-components';
import type { ViewProps } from './common';

export interface PeriodChoiceProps extends ViewProps {
  /** The periods of the files read ("2011–2014"), any order. */
  periods: readonly string[];
  value: number | 'all' | undefined;
  onChange: (value: number | 'all' | undefined) => void;
}

const firstYear = (period: string) => Number(period.slice(0, 4));

export function PeriodChoice({ periods, value, onChange, t }: PeriodChoiceProps): React.JSX.Element | null {
  const known = [...new Set(periods)].filter((p) => /^\d{4}/.test(p)).sort((a, b) => firstYear(b) - firstYear(a));
  // Only a choice where the files hold more than one period.
  if (known.length < 2) return null;
  const selected = value === undefined ? 'latest' : String(value);
  return (
    <Field label={t.period}>
      <Select
        value={selected}
        data-testid="period-choice"
        onChange={(_, d) => onChange(d.value === 'latest' ? undefined : d.value === 'all' ? 'all' : Number(d.value))}
      >
        <option value="latest">{t.periodLatest(known[0])}</option>
        {known.map((p) => (
          <option key={p} value={String(firstYear(p))}>
            {p}
          </option>
        ))}
        <option value="all">{t.periodAll}</option>
      </Select>
    </Field>
  );
}
