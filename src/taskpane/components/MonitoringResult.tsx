/** The consolidation's monitoring news: newly red projects, escalations with their letters to download, periods left out. */
import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { ConsolidationResult, PaneActions } from '../actions';
import { useAction, useViewStyles, ErrorBar, type ViewProps } from './common';

const useStyles = makeStyles({
  letters: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', rowGap: tokens.spacingVerticalXS },
});

export interface MonitoringResultProps extends ViewProps {
  result: ConsolidationResult;
  actions: PaneActions;
}

export function MonitoringResult({ result, actions, t, lang }: MonitoringResultProps): React.JSX.Element {
  const styles = useStyles();
  const view = useViewStyles();
  const work = useAction();
  const { summary, letters } = result;
  const downloadLetter = async (i: number) => {
    const letter = letters[i];
    const bytes = await work.run(() => actions.files.renderLetter(letter));
    if (bytes) actions.download(bytes, letter.fileName);
  };
  return (
    <>
      <dl className={view.dl} data-testid="monitoring-result">
        <dt className={view.dt}>{t.newlyRed}</dt>
        <dd className={view.dd} data-testid="result-newly-red">
          {summary.newlyRed.length ? (
            <ul className={view.list}>
              {summary.newlyRed.map((n) => (
                <li key={`${n.administration}-${n.project}`}>
                  {n.administration}: {n.project}
                  {n.quarter ? ` (${n.quarter})` : ''}
                </li>
              ))}
            </ul>
          ) : (
            t.noNewlyRed
          )}
        </dd>
        {letters.length ? (
          <>
            <dt className={view.dt}>{t.letters}</dt>
            <dd className={view.dd}>
              <div className={styles.letters}>
                {letters.map((l, i) => (
                  <Button key={l.fileName} size="small" disabled={work.busy} onClick={() => void downloadLetter(i)} data-testid="download-letter">
                    {t.downloadLetter(`${l.project} (${l.administration})`)}
                  </Button>
                ))}
              </div>
            </dd>
          </>
        ) : null}
        {summary.leftOutPeriods.length ? (
          <>
            <dt className={view.dt}>{t.periodsLeftOut}</dt>
            <dd className={view.dd} data-testid="result-periods-left-out">
              <ul className={view.list}>
                {summary.leftOutPeriods.map((p) => (
                  <li key={p.period}>{t.periodLeftOut(p.period, p.files.join(', '))}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      <ErrorBar error={work.error} onDismiss={work.clearError} t={t} lang={lang} />
    </>
  );
}
