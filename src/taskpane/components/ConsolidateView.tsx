import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { ConsolidationResult, FileResult, PaneActions, PreviousResult, Progress } from '../actions';
import { formatKr } from '../i18n';
import { ErrorBar, HiddenFileInput, useAction, useResultAnnouncer, useViewStyles, type ViewProps } from './common';
import { Findings } from './Findings';
import { PeriodChoice } from './PeriodChoice';

// Shown only once a consolidation is made: loaded then, keeping the pane's start-up code within its budget.
const MonitoringResult = React.lazy(() => import(/* webpackChunkName: "monitoring-result" */ './MonitoringResult').then((m) => ({ default: m.MonitoringResult })));

const useStyles = makeStyles({
  drop: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalL,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    rowGap: tokens.spacingVerticalS,
    textAlign: 'center',
  },
  dragging: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  fileHeader: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS },
  // A file name has no spaces: it breaks where it must, not at every letter.
  fileName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground2 },
  amount: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  years: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, listStyleType: 'none', margin: '0', padding: '0', color: tokens.colorNeutralForeground2 },
});

const STATUS_BADGE = { valid: 'success', invalid: 'danger', unreadable: 'severe' } as const;

export interface ConsolidateViewProps extends ViewProps {
  actions: PaneActions;
  /** The latest consolidation (undefined when the files changed since). */
  onConsolidated: (result: ConsolidationResult | undefined) => void;
}

export function ConsolidateView({ actions, t, lang, onConsolidated }: ConsolidateViewProps): React.JSX.Element {
  const styles = useStyles();
  const view = useViewStyles();
  const [files, setFiles] = React.useState<FileResult[]>([]);
  const [progress, setProgress] = React.useState<Progress | undefined>(undefined);
  const [cancelNote, setCancelNote] = React.useState<string | undefined>(undefined);
  const [strict, setStrict] = React.useState(false);
  const [period, setPeriod] = React.useState<number | 'all' | undefined>(undefined);
  const [previous, setPrevious] = React.useState<PreviousResult | undefined>(undefined);
  const [result, setResult] = React.useState<ConsolidationResult | undefined>(undefined);
  const [note, setNote] = React.useState<string | undefined>(undefined);
  const [dragging, setDragging] = React.useState(false);
  const abort = React.useRef<AbortController | undefined>(undefined);
  const filesInput = React.useRef<HTMLInputElement>(null);
  const previousInput = React.useRef<HTMLInputElement>(null);
  const reading = useAction();
  const work = useAction();
  const resultAnnouncer = useResultAnnouncer(lang);
  const filesAnnouncer = useResultAnnouncer(lang);
  // Files are picked on this view: start the worker now rather than when the first one arrives.
  React.useEffect(() => actions.files.prepare?.(), [actions.files]);

  const stale = () => {
    setResult(undefined);
    setNote(undefined);
    onConsolidated(undefined);
  };

  const addFiles = async (list: File[]) => {
    if (!list.length || progress) return;
    stale();
    setCancelNote(undefined);
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ done: 0, total: list.length });
    const outcome = await reading.run(() => actions.files.readFiles(list, setProgress, controller.signal));
    abort.current = undefined;
    setProgress(undefined);
    if (outcome) {
      const all = [...files, ...outcome.results];
      setFiles(all);
      const invalid = all.filter((f) => f.status !== 'valid').length;
      const said = outcome.cancelled ? t.readCancelled(outcome.results.length, list.length) : t.filesRead(all.length, invalid);
      if (outcome.cancelled) setCancelNote(said);
      filesAnnouncer.announce(said);
    }
  };

  const removeAll = () => {
    actions.files.forget(files.map((f) => f.id));
    setFiles([]);
    setCancelNote(undefined);
    stale();
  };

  const choosePrevious = async (file: File) => {
    stale();
    const r = await work.run(() => actions.files.readPrevious(file));
    if (r) setPrevious(r);
  };

  const runConsolidation = async () => {
    setNote(undefined);
    const r = await work.run(() =>
      actions.files.consolidate({ ids: files.map((f) => f.id), strict, usePrevious: previous?.ok === true, lang, period }),
    );
    if (r) {
      setResult(r);
      onConsolidated(r);
      resultAnnouncer.announce(t.consolidated(r.summary.administrations.length, r.summary.projects.monitored, r.summary.escalations.length));
    }
  };

  const writeHere = async () => {
    if (!result || !actions.excel) return;
    setNote(undefined);
    const r = await work.run(() => actions.excel!.writeConsolidated(result.plan));
    if (r) {
      const said = [t.written(r.sheets), ...(r.missing ?? []).map((m) => t.missingFeature[m])].join(' ');
      setNote(said);
      resultAnnouncer.announce(said);
    }
  };

  const openNew = async () => {
    if (!result || !actions.excel) return;
    setNote(undefined);
    const ok = await work.run(async () => {
      await actions.excel!.openAsNewWorkbook(await actions.files.renderXlsx(result.plan));
      return true;
    });
    if (ok) {
      setNote(t.opened);
      resultAnnouncer.announce(t.opened);
    }
  };

  const download = async () => {
    if (!result) return;
    setNote(undefined);
    const bytes = await work.run(() => actions.files.renderXlsx(result.plan));
    if (bytes) {
      actions.download(bytes, result.fileName);
      setNote(t.downloaded(result.fileName));
      resultAnnouncer.announce(t.downloaded(result.fileName));
    }
  };

  const summary = result?.summary;
  const total = summary?.table1.municipality.total;

  return (
    <div className={view.view}>
      <Text>{t.consolidateIntro}</Text>

      <div
        className={mergeClasses(styles.drop, dragging && styles.dragging)}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void addFiles(Array.from(e.dataTransfer.files));
        }}
      >
        <Text className={styles.muted}>{t.dropZone}</Text>
        <Button appearance="primary" disabled={!!progress} onClick={() => filesInput.current?.click()}>
          {t.chooseFiles}
        </Button>
        <HiddenFileInput
          ref={filesInput}
          multiple
          accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          label={t.filesInputLabel}
          className={view.hiddenInput}
          testId="files-input"
          onFiles={(files) => void addFiles(files)}
        />
      </div>

      {progress ? (
        <div className={view.section} data-testid="progress">
          <Field label={t.reading(progress.done, progress.total)} validationState="none">
            <ProgressBar value={progress.total ? progress.done / progress.total : 0} max={1} thickness="large" aria-label={t.readingLabel} />
          </Field>
          <div className={view.row}>
            <Button onClick={() => abort.current?.abort()} data-testid="cancel-reading">
              {t.cancelReading}
            </Button>
          </div>
        </div>
      ) : null}
      {cancelNote ? (
        <MessageBar intent="warning" data-testid="cancel-note">
          <MessageBarBody>{cancelNote}</MessageBarBody>
        </MessageBar>
      ) : null}
      <ErrorBar error={reading.error} onDismiss={reading.clearError} t={t} lang={lang} />
      {filesAnnouncer.liveRegion}

      {files.length ? (
        <section className={view.section} aria-labelledby="files-heading">
          <div className={view.row}>
            <h2 id="files-heading" ref={filesAnnouncer.headingRef} tabIndex={-1} className={`${view.heading} ${view.resultHeading}`}>
              {t.filesHeading(files.length)}
            </h2>
            <Button appearance="subtle" size="small" onClick={removeAll} disabled={!!progress}>
              {t.removeAll}
            </Button>
          </div>
          <Accordion multiple collapsible data-testid="file-list">
            {files.map((f) => {
              const summaryText = t.summary(f.counts);
              const admin = f.administration ?? t.unknownAdministration;
              return (
                <AccordionItem key={f.id} value={f.id} data-testid="file-row" data-file={f.name} data-status={f.status} data-errors={f.counts.error}>
                  <AccordionHeader as="h3">
                    <span className={styles.fileHeader}>
                      <span className={styles.fileName}>{f.name}</span>{' '}
                      <span>{admin}</span>{' '}
                      <Badge appearance="tint" color={STATUS_BADGE[f.status]}>
                        {t.status[f.status]}
                      </Badge>{' '}
                      <span className={styles.muted}>{summaryText}</span>
                    </span>
                  </AccordionHeader>
                  <AccordionPanel>
                    <Findings diagnostics={f.diagnostics} label={`${t.findingsLabel}: ${f.name}`} t={t} lang={lang} />
                  </AccordionPanel>
                </AccordionItem>
              );
            })}
          </Accordion>
        </section>
      ) : null}

      <section className={view.section} aria-labelledby="options-heading">
        <h2 id="options-heading" className={view.heading}>
          {t.optionsHeading}
        </h2>
        <Checkbox
          label={t.strict}
          checked={strict}
          onChange={(_, d) => {
            setStrict(d.checked === true);
            stale();
          }}
        />
        <PeriodChoice
          periods={files.flatMap((f) => (f.period ? [f.period] : []))}
          value={period}
          onChange={(p) => {
            setPeriod(p);
            stale();
          }}
          t={t}
          lang={lang}
        />
        <Text>{t.previous}</Text>
        <div className={view.row}>
          <Button size="small" disabled={work.busy} onClick={() => previousInput.current?.click()}>
            {t.choosePrevious}
          </Button>
          {previous ? (
            <Button
              size="small"
              appearance="subtle"
              onClick={() => {
                setPrevious(undefined);
                stale();
              }}
            >
              {t.removePrevious}
            </Button>
          ) : null}
          <HiddenFileInput
            ref={previousInput}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            label={t.previousInputLabel}
            className={view.hiddenInput}
            testId="previous-input"
            onFiles={([file]) => void choosePrevious(file)}
          />
        </div>
        {previous ? (
          <MessageBar intent={previous.ok ? 'info' : 'warning'}>
            <MessageBarBody>{previous.ok ? t.previousRead(previous.name, previous.entries) : `${previous.name}: ${previous.diagnostic.text[lang]}`}</MessageBarBody>
          </MessageBar>
        ) : null}
      </section>

      <div className={view.row}>
        <Button appearance="primary" disabled={!files.length || !!progress || work.busy} onClick={() => void runConsolidation()}>
          {t.consolidate}
        </Button>
        {work.busy ? <Spinner size="tiny" label={t.consolidating} /> : null}
      </div>
      <ErrorBar error={work.error} onDismiss={work.clearError} t={t} lang={lang} />
      {resultAnnouncer.liveRegion}

      {summary && total ? (
        <section className={view.section} aria-labelledby="result-heading" data-testid="result">
          <h2 id="result-heading" ref={resultAnnouncer.headingRef} tabIndex={-1} className={`${view.heading} ${view.resultHeading}`}>
            {t.resultHeading}
          </h2>
          <dl className={view.dl}>
            <dt className={view.dt}>{t.administrations}</dt>
            <dd className={view.dd} data-testid="result-administrations">
              {summary.administrations.length}: {summary.administrations.map((a) => a.administration).join(', ')}
            </dd>
            <dt className={view.dt}>{t.table1Total}</dt>
            <dd className={view.dd} data-testid="result-total">
              <span className={styles.amount}>{formatKr(total.total, lang)}</span>
              <ul className={styles.years}>
                {summary.years.map((y) => (
                  <li key={y} className={styles.amount}>
                    {y}: {formatKr(total.byYear[String(y)] ?? 0, lang)}
                  </li>
                ))}
              </ul>
            </dd>
            <dt className={view.dt}>{t.projects}</dt>
            <dd className={view.dd} data-testid="result-projects">
              {summary.projects.monitored}: {t.colours.green} {summary.projects.green}, {t.colours.yellow} {summary.projects.yellow}, {t.colours.red}{' '}
              {summary.projects.red}
              {summary.projects.withoutColour ? `, ${t.withoutColour} ${summary.projects.withoutColour}` : ''}
            </dd>
            <dt className={view.dt}>{t.escalations}</dt>
            <dd className={view.dd} data-testid="result-escalations">
              {summary.escalations.length ? (
                <ul className={view.list}>
                  {summary.escalations.map((e) => (
                    <li key={`${e.administration}-${e.project}`}>
                      {e.administration}: {e.project} ({e.redCount})
                    </li>
                  ))}
                </ul>
              ) : (
                t.noEscalations
              )}
            </dd>
            {summary.skipped.length ? (
              <>
                <dt className={view.dt}>{t.leftOut}</dt>
                <dd className={view.dd}>
                  <ul className={view.list}>
                    {summary.skipped.map((s) => (
                      <li key={s.file}>
                        {s.file}
                        {s.reason ? `: ${s.reason}` : ''}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
          </dl>
          {result ? (
            <React.Suspense fallback={null}>
              <MonitoringResult result={result} actions={actions} t={t} lang={lang} />
            </React.Suspense>
          ) : null}
          <div className={view.row}>
            {actions.excel ? (
              <Button appearance="primary" disabled={work.busy} onClick={() => void writeHere()}>
                {t.writeHere}
              </Button>
            ) : null}
            {actions.excel?.canOpenNewWorkbook ? (
              <Button disabled={work.busy} onClick={() => void openNew()}>
                {t.openNew}
              </Button>
            ) : null}
            <Button appearance={actions.excel ? 'secondary' : 'primary'} disabled={work.busy} onClick={() => void download()} data-testid="download">
              {t.download}
            </Button>
          </div>
          {note ? (
            <MessageBar intent="success">
              <MessageBarBody>{note}</MessageBarBody>
            </MessageBar>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
