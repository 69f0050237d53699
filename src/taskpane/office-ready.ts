/**
 * Works out whether the task pane runs inside Excel or in a plain browser.
 *
 * office.js is loaded by a <script> tag in taskpane.html. In a plain browser
 * (or when the script failed to load) `Office` may be undefined, or
 * Office.onReady may never settle, so both cases are guarded.
 */

export type HostKind = 'excel' | 'browser';

/** Default time to wait for Office.onReady before assuming a plain browser. */
export const OFFICE_READY_TIMEOUT_MS = 5000;

/**
 * Calls `onHost` with the detected host. If Office.onReady has not settled
 * within `timeoutMs`, reports 'browser' first; a later onReady reporting
 * Excel (slow start-up) still calls `onHost('excel')`.
 */
export function detectHost(
  onHost: (host: HostKind) => void,
  timeoutMs: number = OFFICE_READY_TIMEOUT_MS,
): void {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    onHost('browser');
    return;
  }
  let reported: HostKind | undefined;
  const report = (host: HostKind): void => {
    if (reported === host || reported === 'excel') return;
    reported = host;
    onHost(host);
  };
  const timer = setTimeout(() => report('browser'), timeoutMs);
  Promise.resolve()
    .then(() => Office.onReady())
    .then(
      (info) => {
        clearTimeout(timer);
        report(String(info?.host) === 'Excel' ? 'excel' : 'browser');
      },
      () => {
        clearTimeout(timer);
        report('browser');
      },
    );
}
