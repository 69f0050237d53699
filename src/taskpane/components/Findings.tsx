import * as React from 'react';
import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Severity } from '../../core/diagnostics';
import type { Finding } from '../actions';
import type { ViewProps } from './common';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  sheet: { margin: '0', fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  item: {
    display: 'flex',
    alignItems: 'flex-start',
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    textAlign: 'left',
    width: '100%',
    height: 'auto',
    minHeight: 'unset',
    justifyContent: 'flex-start',
    fontWeight: tokens.fontWeightRegular,
    whiteSpace: 'normal',
  },
  badge: { flexShrink: 0 },
  message: { flexGrow: 1 },
  cell: { color: tokens.colorNeutralForeground2, fontFamily: tokens.fontFamilyMonospace, flexShrink: 0 },
});

const BADGE: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

export interface FindingsProps extends ViewProps {
  diagnostics: Finding[];
  /** When given, a finding is a button that selects its cell in Excel. */
  onGoTo?: (sheet: string, cell: string | null) => void;
  /** Accessible name of the whole list. */
  label: string;
}

/** Findings grouped by sheet (findings about the whole file first), each with severity, message and cell. */
export function Findings({ diagnostics, onGoTo, label, t, lang }: FindingsProps): React.JSX.Element {
  const styles = useStyles();
  const groups = new Map<string | null, Finding[]>();
  for (const d of diagnostics) {
    const list = groups.get(d.sheet) ?? [];
    list.push(d);
    groups.set(d.sheet, list);
  }
  return (
    <div role="region" aria-label={label} className={styles.group} data-testid="findings">
      {[...groups.entries()].map(([sheet, list]) => (
        <section key={sheet ?? ''} className={styles.group} aria-label={sheet ?? t.wholeFile}>
          <h4 className={styles.sheet}>{sheet ?? t.wholeFile}</h4>
          <ul className={styles.list}>
            {list.map((d, i) => {
              const content = (
                <>
                  <Badge appearance="tint" color={BADGE[d.severity]} shape="rounded" className={styles.badge}>
                    {t.severity[d.severity]}
                  </Badge>
                  <Text className={styles.message}>{d.text[lang]}</Text>
                  {d.cell ? <Text className={styles.cell}>{d.cell}</Text> : null}
                </>
              );
              return (
                <li key={`${d.code}-${d.cell ?? ''}-${i}`} data-severity={d.severity}>
                  {onGoTo && d.sheet ? (
                    <Button
                      appearance="subtle"
                      className={styles.item}
                      title={d.cell ? t.goTo(`${d.sheet}!${d.cell}`) : t.goTo(d.sheet)}
                      onClick={() => onGoTo(d.sheet!, d.cell)}
                    >
                      {content}
                    </Button>
                  ) : (
                    <div className={styles.item}>{content}</div>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
