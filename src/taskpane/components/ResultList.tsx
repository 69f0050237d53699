/** The Filtrér view's result list for a narrow pane: one compact card per row of "Samlet status", sortable. */
import * as React from 'react';
import { Badge, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { COLOUR_LABELS, type Colour } from '../../core/domain';
import { QUARTER_PREFIX, overviewHeader, overviewText } from '../../core/consolidate/layout';
import { formatKr } from '../i18n';
import { CARD_KEYS, SORT_KEYS, sortRows, type ResultRow, type SortKey } from '../resultRows';
import type { ViewProps } from './common';

const useStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  sort: { minWidth: '0', flexGrow: 1, maxWidth: '100%' },
  list: { listStyleType: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: '0',
  },
  top: { display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'break-word', minWidth: '0', flexBasis: 'auto', flexGrow: 1 },
  amount: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums', marginLeft: 'auto' },
  meta: { color: tokens.colorNeutralForeground2, overflowWrap: 'break-word' },
  chips: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXXS },
  abbr: { textDecorationLine: 'none' },
});

const CHIP: Record<Colour, 'success' | 'warning' | 'danger'> = { green: 'success', yellow: 'warning', red: 'danger' };

export interface ResultListProps extends ViewProps {
  rows: ResultRow[];
}

/** A colour as a chip carrying its text (never colour alone). */
function ColourChip({ colour, label, lang }: { colour: Colour; label: string; lang: ViewProps['lang'] }): React.JSX.Element {
  return (
    <Badge appearance="tint" color={CHIP[colour]} shape="rounded" data-colour={colour}>
      {label} {overviewText(COLOUR_LABELS[colour], lang)}
    </Badge>
  );
}

export function ResultList({ rows, t, lang }: ResultListProps): React.JSX.Element {
  const styles = useStyles();
  const [sortBy, setSortBy] = React.useState<SortKey>('amount');
  const sorted = React.useMemo(() => sortRows(rows, sortBy, lang), [rows, sortBy, lang]);
  const sortLabel = (k: SortKey) => overviewHeader(CARD_KEYS[k], lang);
  return (
    <>
      <div className={styles.toolbar}>
        <label htmlFor="result-sort">{t.sortBy}</label>
        <Select id="result-sort" size="small" className={styles.sort} value={sortBy} onChange={(_, d) => setSortBy(d.value as SortKey)} data-testid="result-sort">
          {SORT_KEYS.map((k) => (
            <option key={k} value={k}>
              {sortLabel(k)}
            </option>
          ))}
        </Select>
      </div>
      <ul className={styles.list} aria-label={t.resultListLabel} data-testid="result-list">
        {sorted.map((r) => (
          <li key={r.index} className={styles.card} data-testid="result-card" data-administration={r.code}>
            <div className={styles.top}>
              <Text className={styles.name}>{r.name}</Text>
              {r.amount !== null ? (
                <Text className={styles.amount} data-testid="result-amount">
                  {formatKr(r.amount, lang)}
                </Text>
              ) : null}
            </div>
            <Text size={200} className={styles.meta}>
              <abbr title={r.administration} className={styles.abbr}>
                {r.code}
              </abbr>
              {r.kind ? ` · ${overviewText(r.kind, lang)}` : ''}
            </Text>
            {r.colour || r.escalated || r.quarters.some((q) => q) ? (
              <div className={styles.chips}>
                {r.colour ? <ColourChip colour={r.colour} label={`${overviewHeader(CARD_KEYS.colour, lang)}:`} lang={lang} /> : null}
                {r.quarters.map((q, i) => (q ? <ColourChip key={i} colour={q} label={`${QUARTER_PREFIX[lang]}${i + 1}`} lang={lang} /> : null))}
                {r.escalated ? (
                  <Badge appearance="filled" color="danger" shape="rounded" data-testid="escalated">
                    {t.escalatedMark}
                  </Badge>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
