import * as React from 'react';
import {
  Body1,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Title2,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { Lang } from '../../core/diagnostics';
import type { ConsolidationResult, PaneActions } from '../actions';
import { TEXTS } from '../i18n';
import { ConsolidateView } from './ConsolidateView';
import { FillView } from './FillView';

/**
 * Filtrér (with the consolidated workbook's layout it lists rows by) is a chunk of its own, fetched as soon as the
 * pane has started: it is never the first view, and the start-up code stays small.
 */
const FilterView = React.lazy(() => import(/* webpackChunkName: "filter-view" */ './FilterView').then((m) => ({ default: m.FilterView })));

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    maxWidth: '960px',
    // The pane is 320–350 px in Excel: nothing may push it wider.
    minWidth: '0',
    boxSizing: 'border-box',
    overflowWrap: 'break-word',
  },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalM },
  title: { margin: '0' },
  language: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
  tabs: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  tab: {
    appearance: 'none',
    border: 'none',
    background: 'none',
    cursor: 'pointer',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground2,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    ':hover': { color: tokens.colorNeutralForeground1, borderBottomColor: tokens.colorNeutralStroke1 },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px', borderRadius: tokens.borderRadiusMedium },
  },
  selected: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold, borderBottomColor: tokens.colorCompoundBrandStroke, ':hover': { borderBottomColor: tokens.colorCompoundBrandStroke } },
});

/**
 * The view tabs, by the WAI-ARIA tabs pattern: one tab in the Tab order, arrow keys (and Home/End) move between
 * tabs and select them. Written here rather than with Fluent's TabList, whose keyboard helper puts focusable
 * aria-hidden sentinels into the page (axe: aria-hidden-focus).
 */
function ViewTabs({ view, onSelect, label, names }: { view: ViewKey; onSelect: (v: ViewKey) => void; label: string; names: Record<ViewKey, string> }): React.JSX.Element {
  const styles = useStyles();
  const refs = React.useRef(new Map<ViewKey, HTMLButtonElement>());
  const move = (e: React.KeyboardEvent, from: ViewKey) => {
    const i = VIEWS.indexOf(from);
    const to = { ArrowRight: VIEWS[(i + 1) % VIEWS.length], ArrowLeft: VIEWS[(i + VIEWS.length - 1) % VIEWS.length], Home: VIEWS[0], End: VIEWS[VIEWS.length - 1] }[e.key];
    if (!to) return;
    e.preventDefault();
    onSelect(to);
    refs.current.get(to)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={styles.tabs}>
      {VIEWS.map((v) => (
        <button
          key={v}
          ref={(el) => {
            if (el) refs.current.set(v, el);
          }}
          type="button"
          role="tab"
          id={`tab-${v}`}
          aria-controls={`panel-${v}`}
          aria-selected={view === v}
          tabIndex={view === v ? 0 : -1}
          className={mergeClasses(styles.tab, view === v && styles.selected)}
          onClick={() => onSelect(v)}
          onKeyDown={(e) => move(e, v)}
        >
          {names[v]}
        </button>
      ))}
    </div>
  );
}

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

  // Another view starts at its top, with the tabs in sight (not where the last view was scrolled to).
  const tabsRef = React.useRef<HTMLDivElement>(null);
  const selectView = (v: ViewKey) => {
    setView(v);
    const tabs = tabsRef.current;
    if (tabs && tabs.getBoundingClientRect().top < 0) tabs.scrollIntoView?.({ block: 'start' });
  };

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
          <div ref={tabsRef}>
            <ViewTabs view={view} onSelect={selectView} label={t.tabsLabel} names={t.tabs} />
          </div>
          {/* All views stay mounted (hidden when not selected) so their state survives switching tabs. */}
          <div role="tabpanel" id="panel-fill" aria-labelledby="tab-fill" hidden={view !== 'fill'}>
            <FillView actions={actions} t={t} lang={lang} />
          </div>
          <div role="tabpanel" id="panel-consolidate" aria-labelledby="tab-consolidate" hidden={view !== 'consolidate'}>
            <ConsolidateView actions={actions} t={t} lang={lang} onConsolidated={setConsolidation} />
          </div>
          <div role="tabpanel" id="panel-filter" aria-labelledby="tab-filter" hidden={view !== 'filter'}>
            <React.Suspense fallback={<Spinner size="tiny" label={t.loadingView} />}>
              <FilterView actions={actions} consolidation={consolidation} t={t} lang={lang} />
            </React.Suspense>
          </div>
        </>
      )}
    </main>
  );
}
