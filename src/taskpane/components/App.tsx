import * as React from 'react';
import {
  Body1,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Tab,
  TabList,
  Title2,
  makeStyles,
  tokens,
  type SelectTabData,
} from '@fluentui/react-components';
import type { Lang } from '../../core/diagnostics';
import type { ConsolidationResult, PaneActions } from '../actions';
import { TEXTS } from '../i18n';
import { ConsolidateView } from './ConsolidateView';
import { FillView } from './FillView';
import { FilterView } from './FilterView';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    maxWidth: '960px',
  },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalM },
  title: { margin: '0' },
  language: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
});

export type ViewKey = 'fill' | 'consolidate' | 'filter';
const VIEWS: ViewKey[] = ['fill', 'consolidate', 'filter'];

export interface AppProps {
  /** undefined while waiting for Office.onReady. */
  actions: PaneActions | undefined;
  lang: Lang;
  onLangChange: (lang: Lang) => void;
  initialView?: ViewKey;
}

export function App({ actions, lang, onLangChange, initialView = 'fill' }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const t = TEXTS[lang];
  const [view, setView] = React.useState<ViewKey>(initialView);
  const [consolidation, setConsolidation] = React.useState<ConsolidationResult | undefined>(undefined);

  React.useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title2 as="h1" className={styles.title}>
          {t.productName}
        </Title2>
        <div className={styles.language}>
          <label htmlFor="pane-language" className={styles.muted}>
            {t.language}
          </label>
          <Select id="pane-language" size="small" value={lang} onChange={(_, d) => onLangChange(d.value as Lang)} data-testid="language">
            <option value="da">{t.languageNames.da}</option>
            <option value="en">{t.languageNames.en}</option>
          </Select>
        </div>
      </header>
      {actions === undefined ? (
        <Spinner size="tiny" label={t.connecting} data-testid="host-status" />
      ) : (
        <>
          <Body1 className={styles.muted} data-testid="host-status" data-host={actions.host}>
            {actions.host === 'excel' ? t.hostExcel : t.hostBrowser}
          </Body1>
          {actions.host === 'browser' ? (
            <MessageBar intent="info" data-testid="browser-notice">
              <MessageBarBody>{t.browserNotice}</MessageBarBody>
            </MessageBar>
          ) : null}
          <TabList selectedValue={view} onTabSelect={(_, d: SelectTabData) => setView(d.value as ViewKey)} aria-label={t.tabsLabel}>
            {VIEWS.map((v) => (
              <Tab key={v} value={v} id={`tab-${v}`} aria-controls={`panel-${v}`}>
                {t.tabs[v]}
              </Tab>
            ))}
          </TabList>
          {/* All views stay mounted (hidden when not selected) so their state survives switching tabs. */}
          <div role="tabpanel" id="panel-fill" aria-labelledby="tab-fill" hidden={view !== 'fill'}>
            <FillView actions={actions} t={t} lang={lang} />
          </div>
          <div role="tabpanel" id="panel-consolidate" aria-labelledby="tab-consolidate" hidden={view !== 'consolidate'}>
            <ConsolidateView actions={actions} t={t} lang={lang} onConsolidated={setConsolidation} />
          </div>
          <div role="tabpanel" id="panel-filter" aria-labelledby="tab-filter" hidden={view !== 'filter'}>
            <FilterView actions={actions} consolidation={consolidation} t={t} lang={lang} />
          </div>
        </>
      )}
    </main>
  );
}
