import * as React from 'react';
import { Body1, Spinner, Title2, makeStyles, tokens } from '@fluentui/react-components';
import type { HostKind } from '../office-ready';

export const PRODUCT_NAME = 'Integrationsstatus';

export const HOST_TEXT: Record<HostKind, string> = {
  excel: 'Kører i Excel',
  browser: 'Åbnet i en browser uden Excel',
};

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
});

export interface AppProps {
  /** undefined while waiting for Office.onReady. */
  host: HostKind | undefined;
}

export function App({ host }: AppProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title2 as="h1">{PRODUCT_NAME}</Title2>
      {host === undefined ? (
        <Spinner size="tiny" label="Forbinder til Office …" data-testid="host-status" />
      ) : (
        <Body1 data-testid="host-status" data-host={host}>
          {HOST_TEXT[host]}
        </Body1>
      )}
    </main>
  );
}
