import * as React from 'react';
import { Button, Field, Input, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Select, Spinner, Switch, Text, makeStyles } from '@fluentui/react-components';
import { ADMINISTRATIONS, UNITS, administrationLabel, type AdministrationCode, type UnitCode } from '../../core/domain';
import { countFindings, type Finding, type PaneActions, type TemplateChoice } from '../actions';
import { ErrorBar, HiddenFileInput, useAction, useResultAnnouncer, useViewStyles, type ViewProps } from './common';
import { Findings } from './Findings';

const useStyles = makeStyles({
  // A native select is as wide as its longest option: hold it to the pane.
  select: { maxWidth: '100%', minWidth: '0' },
});

/** Where the pane keeps the "check as you type" setting (per browser profile, as Office keeps add-in storage). */
export const LIVE_CHECK_SETTING = 'integrationsstatus.checkAsYouType';

function liveCheckSetting(): boolean {
  try {
    return globalThis.localStorage?.getItem(LIVE_CHECK_SETTING) !== 'off';
  } catch {
    return true;
  }
}

export interface FillViewProps extends ViewProps {
  actions: PaneActions;
}

interface Checked {
  diagnostics: Finding[];
  /** The file checked (browser); undefined for this workbook. */
  file?: string;
}

export function FillView({ actions, t, lang }: FillViewProps): React.JSX.Element {
  const styles = useViewStyles();
  const own = useStyles();
  const excel = actions.excel;
  const [firstYear, setFirstYear] = React.useState(String(new Date().getFullYear() + 1));
  const [administration, setAdministration] = React.useState<AdministrationCode | ''>('');
  const [unit, setUnit] = React.useState<UnitCode>('kr');
  const [note, setNote] = React.useState<string | undefined>(undefined);
  const [exists, setExists] = React.useState(false);
  const [checked, setChecked] = React.useState<Checked | undefined>(undefined);
  const template = useAction();
  const check = useAction();
  const fileInput = React.useRef<HTMLInputElement>(null);
  const result = useResultAnnouncer(lang);
  const [liveCheck, setLiveCheck] = React.useState(liveCheckSetting);
  const [liveError, setLiveError] = React.useState<unknown>(undefined);
  const summaryOf = (c: Checked) => `${c.file ? `${t.checkedFile(c.file)}: ` : ''}${t.summary(countFindings(c.diagnostics))}`;
  const summaryRef = React.useRef(summaryOf);
  summaryRef.current = summaryOf;

  // Check as you type: Excel reports edits; the findings follow without a button press. Focus stays in the sheet.
  const watching = !!excel?.canWatchEdits && liveCheck;
  React.useEffect(() => {
    if (!watching || !excel) return;
    let stop: (() => Promise<void>) | undefined;
    let ended = false;
    void excel
      .watchWorkbook(
        (diagnostics) => {
          // A workbook that is not a budget statement is not checked unasked.
          if (ended || diagnostics.some((d) => d.code === 'TEMPLATE_NOT_RECOGNISED')) return;
          setLiveError(undefined);
          setChecked({ diagnostics });
          result.announce(summaryRef.current({ diagnostics }), false);
        },
        (err) => !ended && setLiveError(err),
      )
      .then(
        (s) => (ended ? void s() : (stop = s)),
        (err) => !ended && setLiveError(err),
      );
    return () => {
      ended = true;
      void stop?.();
    };
  }, [watching, excel, result.announce]);

  const toggleLiveCheck = (on: boolean) => {
    setLiveCheck(on);
    setLiveError(undefined);
    try {
      globalThis.localStorage?.setItem(LIVE_CHECK_SETTING, on ? 'on' : 'off');
    } catch {
      // Storage may be blocked; the setting then lasts while the pane is open.
    }
  };

  const year = Number(firstYear);
  const yearValid = Number.isInteger(year) && year >= 2000 && year <= 2100;
  const choice = (): TemplateChoice => ({ firstYear: year, administration: administration || undefined, unit });

  const insert = async (force: boolean) => {
    setNote(undefined);
    setExists(false);
    const result = await template.run(() => excel!.insertTemplate(choice(), force));
    if (result?.status === 'exists') setExists(true);
    else if (result) setNote(t.inserted(result.sheets.length));
  };

  const downloadTemplate = async () => {
    setNote(undefined);
    const c = choice();
    const bytes = await template.run(() => actions.files.renderTemplate(c));
    if (bytes) {
      actions.download(bytes, `budgetredegoerelse-skabelon-${c.firstYear}${c.administration ? `-${c.administration}` : ''}.xlsx`);
      setNote(t.templateDownloaded);
    }
  };

  const showChecked = (c: Checked) => {
    setChecked(c);
    result.announce(summaryOf(c));
  };

  const validateWorkbook = async () => {
    const diagnostics = await check.run(() => excel!.validateWorkbook());
    if (diagnostics) showChecked({ diagnostics });
  };

  const validateFile = async (file: File) => {
    const outcome = await check.run(() => actions.files.readFiles([file], () => undefined, new AbortController().signal));
    const read = outcome?.results[0];
    if (read) {
      actions.files.forget([read.id]);
      showChecked({ diagnostics: read.diagnostics, file: read.name });
    }
  };

  return (
    <div className={styles.view}>
      <Text>{excel ? t.fillIntro : t.fillIntroBrowser}</Text>

      <section className={styles.section} aria-labelledby="fill-template-heading">
        <h2 id="fill-template-heading" className={styles.heading}>
          {t.templateHeading}
        </h2>
        <Field label={t.firstYear} validationState={yearValid ? 'none' : 'error'}>
          <Input type="number" min={2000} max={2100} value={firstYear} onChange={(_, d) => setFirstYear(d.value)} />
        </Field>
        <Field label={t.administration}>
          <Select className={own.select} value={administration} onChange={(_, d) => setAdministration(d.value as AdministrationCode | '')}>
            <option value="">{t.administrationNone}</option>
            {ADMINISTRATIONS.map((a) => (
              <option key={a.code} value={a.code}>
                {administrationLabel(a)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.unit}>
          <Select value={unit} onChange={(_, d) => setUnit(d.value as UnitCode)}>
            {UNITS.map((u) => (
              <option key={u.code} value={u.code}>
                {u.label}
              </option>
            ))}
          </Select>
        </Field>
        <div className={styles.row}>
          {excel ? (
            <Button appearance="primary" disabled={!yearValid || template.busy} onClick={() => void insert(false)}>
              {t.insertTemplate}
            </Button>
          ) : (
            <Button appearance="primary" disabled={!yearValid || template.busy} onClick={() => void downloadTemplate()}>
              {t.downloadTemplate}
            </Button>
          )}
          {template.busy ? <Spinner size="tiny" label={t.inserting} /> : null}
        </div>
        {exists ? (
          <MessageBar intent="warning" data-testid="template-exists">
            <MessageBarBody>
              <MessageBarTitle>{t.existsTitle}</MessageBarTitle>
              {t.existsText}
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={() => void insert(true)}>{t.insertCopy}</Button>
              <Button onClick={() => setExists(false)}>{t.cancel}</Button>
            </MessageBarActions>
          </MessageBar>
        ) : null}
        {note ? (
          <MessageBar intent="success">
            <MessageBarBody>{note}</MessageBarBody>
          </MessageBar>
        ) : null}
        <ErrorBar error={template.error} onDismiss={template.clearError} t={t} lang={lang} />
      </section>

      <section className={styles.section} aria-labelledby="fill-check-heading">
        <h2 id="fill-check-heading" className={styles.heading}>
          {t.checkHeading}
        </h2>
        <div className={styles.row}>
          {excel ? (
            <Button appearance={checked ? 'secondary' : 'primary'} disabled={check.busy} onClick={() => void validateWorkbook()}>
              {checked ? t.validateAgain : t.validateWorkbook}
            </Button>
          ) : (
            <>
              <Button disabled={check.busy} onClick={() => fileInput.current?.click()}>
                {t.validateFile}
              </Button>
              <HiddenFileInput
                ref={fileInput}
                accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                label={t.validateFileLabel}
                className={styles.hiddenInput}
                testId="check-file-input"
                onFiles={([file]) => void validateFile(file)}
              />
            </>
          )}
          {check.busy ? <Spinner size="tiny" label={t.validating} /> : null}
        </div>
        {excel?.canWatchEdits ? (
          <Switch label={t.checkAsYouType} checked={liveCheck} onChange={(_, d) => toggleLiveCheck(d.checked)} data-testid="live-check" />
        ) : null}
        <ErrorBar error={check.error} onDismiss={check.clearError} t={t} lang={lang} />
        <ErrorBar error={liveError} onDismiss={() => setLiveError(undefined)} t={t} lang={lang} />
        {result.liveRegion}
        {checked ? (
          <h3 ref={result.headingRef} tabIndex={-1} className={`${styles.heading} ${styles.resultHeading}`} data-testid="fill-summary">
            {summaryOf(checked)}
          </h3>
        ) : null}
        {checked && checked.diagnostics.length === 0 ? (
          <MessageBar intent="success">
            <MessageBarBody>{t.noFindings}</MessageBarBody>
          </MessageBar>
        ) : null}
        {checked && checked.diagnostics.length > 0 ? (
          <Findings
            diagnostics={checked.diagnostics}
            label={t.findingsLabel}
            onGoTo={excel && !checked.file ? (sheet, cell) => void check.run(() => excel.goToCell(sheet, cell)) : undefined}
            t={t}
            lang={lang}
          />
        ) : null}
      </section>
    </div>
  );
}
