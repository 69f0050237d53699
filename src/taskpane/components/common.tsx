import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../../core/diagnostics';
import { UserError } from '../actions';
import type { Texts } from '../i18n';

export interface ViewProps {
  lang: Lang;
  t: Texts;
}

/** A user-facing text for any error: a UserError's own words, otherwise a generic message (never a raw exception). */
export function errorMessage(err: unknown, lang: Lang, t: Texts): string {
  if (err instanceof UserError) return lang === 'en' ? err.en : err.da;
  return t.genericError;
}

export const useViewStyles = makeStyles({
  view: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalM,
  },
  section: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    alignItems: 'center',
  },
  heading: {
    margin: '0',
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase400,
  },
  hiddenInput: {
    display: 'none',
  },
  // A result's terms and values, term above its value: a narrow pane has no room for a column of terms.
  dl: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, margin: '0' },
  dt: { fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalXS },
  dd: { margin: '0', overflowWrap: 'break-word' },
  list: { margin: '0', paddingLeft: tokens.spacingHorizontalL },
  /** Read by screen readers, not shown (the visible result says the same). */
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: '0',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: '0',
  },
  /** A heading that receives focus after an action: focusable by script only, outlined while focused. */
  resultHeading: {
    // Scrolled into view with a little of what is above it, so the result does not stick to the pane's edge.
    scrollMarginTop: tokens.spacingVerticalL,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
});

/**
 * After an action: focus moves to the result's heading (scrolled into view) and a polite live region says what
 * happened. The region stays in the page; each message replaces its content node, so a repeated message ("0 fejl"
 * twice) is announced again.
 */
export function useResultAnnouncer(lang: Lang): {
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  announce: (message: string, moveFocus?: boolean) => void;
  liveRegion: React.JSX.Element;
} {
  const styles = useViewStyles();
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  const [said, setSaid] = React.useState({ message: '', count: 0, focus: false });
  React.useEffect(() => {
    if (!said.focus) return;
    const heading = headingRef.current;
    if (!heading) return;
    heading.focus({ preventScroll: true });
    heading.scrollIntoView?.({ block: 'start' });
  }, [said]);
  const announce = React.useCallback((message: string, moveFocus = true) => setSaid((s) => ({ message, count: s.count + 1, focus: moveFocus })), []);
  // What was said stays in the page (hidden): in the language it was said in. Another language clears it.
  React.useEffect(() => setSaid((s) => (s.message ? { message: '', count: s.count + 1, focus: false } : s)), [lang]);
  const liveRegion = (
    <div role="status" aria-live="polite" className={styles.visuallyHidden} data-testid="live-region">
      {said.message ? <span key={said.count}>{said.message}</span> : null}
    </div>
  );
  return { headingRef, announce, liveRegion };
}

/** An error shown in a Fluent MessageBar with a dismiss button. */
export function ErrorBar({ error, onDismiss, t, lang }: { error: unknown; onDismiss: () => void } & ViewProps): React.JSX.Element | null {
  if (error === undefined || error === null) return null;
  return (
    <MessageBar intent="error" data-testid="error-bar">
      <MessageBarBody>
        <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
        {errorMessage(error, lang, t)}
      </MessageBarBody>
      <MessageBarActions containerAction={<Button appearance="transparent" aria-label={t.dismiss} onClick={onDismiss}>×</Button>} />
    </MessageBar>
  );
}

/** Runs an async action with a busy flag and an error slot. */
export function useAction(): {
  busy: boolean;
  error: unknown;
  clearError: () => void;
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
} {
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>(undefined);
  const run = React.useCallback(async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      return await action();
    } catch (err) {
      setError(err ?? new Error('unknown'));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, clearError: () => setError(undefined), run };
}

/** A hidden file input opened by a visible button; hands over the chosen files and clears itself for the next pick. */
export const HiddenFileInput = React.forwardRef<
  HTMLInputElement,
  { accept: string; label: string; testId: string; className: string; multiple?: boolean; onFiles: (files: File[]) => void }
>(function HiddenFileInput({ accept, label, testId, className, multiple, onFiles }, ref) {
  return (
    <input
      ref={ref}
      type="file"
      multiple={multiple}
      accept={accept}
      aria-label={label}
      className={className}
      data-testid={testId}
      onChange={(e) => {
        const files = Array.from(e.target.files ?? []);
        e.target.value = '';
        if (files.length) onFiles(files);
      }}
    />
  );
});
