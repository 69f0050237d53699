/** A progress line on stderr ("Læst 12 af 700 filer · 3,4 s") once a run has taken a second, when stderr is a terminal. */
import { terminalSafe } from './terminal';
import { count, type Text } from './text';

export interface ProgressOptions {
  write: (text: string) => void;
  /** Only on a terminal: piped or redirected stderr gets nothing. */
  enabled: boolean;
  text: Text;
  now: () => number;
  /** When the run started (default: now): the time shown, and the second waited, count from there. */
  start?: number;
  /** Shown only after this long, so a quick run prints nothing but its result. */
  afterMs?: number;
  /** Redrawn at most this often, and at least this often while a slow file is read. */
  everyMs?: number;
}

/** Back to the start of the line and clear it: the line is redrawn in place and removed at the end. */
const CLEAR_LINE = '\r\x1b[K';

export class Progress {
  private readonly start: number;
  private readonly timer?: ReturnType<typeof setInterval>;
  private state?: string;
  private shown = false;
  private lastDrawn = -Infinity;
  private lastLine = '';

  constructor(private readonly options: ProgressOptions) {
    this.start = options.start ?? options.now();
    if (options.enabled) {
      this.timer = setInterval(() => this.draw(true), this.every);
      this.timer.unref?.();
    }
  }

  private get every(): number {
    return this.options.everyMs ?? 200;
  }

  reading(done: number, total: number): void {
    const { text } = this.options;
    this.state = text.progress.reading(done.toLocaleString(text.locale), count(text, total, text.forms.file));
    this.draw(false);
  }

  writing(file: string): void {
    this.state = this.options.text.progress.writing(file);
    this.draw(true);
  }

  /** Removes the line (before the result is printed). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.shown) this.options.write(CLEAR_LINE);
    this.shown = false;
    this.lastLine = '';
    this.state = undefined;
  }

  private draw(force: boolean): void {
    const { enabled, now, text, afterMs = 1000 } = this.options;
    if (!enabled || this.state === undefined) return;
    const at = now();
    if (at - this.start < afterMs || (!force && at - this.lastDrawn < this.every)) return;
    const seconds = ((at - this.start) / 1000).toLocaleString(text.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const line = `${terminalSafe(this.state)} · ${seconds} s`;
    if (line === this.lastLine) return;
    this.lastDrawn = at;
    this.lastLine = line;
    this.options.write(`${CLEAR_LINE}${line}`);
    this.shown = true;
  }
}
