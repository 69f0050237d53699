/**
 * Office.js's own Excel client runtime, offline: `@microsoft/office-js/dist/excel-web-16.00.debug.js` (Excel on the
 * web) runs in a Node `vm` and sends its requests to a recording executor that answers them from the strict double's
 * workbook (excelDouble.ts). Request bodies, object paths, action counts and object-path validity are Office.js's
 * own; the double supplies the workbook semantics (unloaded reads throw, "=…" text becomes a formula, …).
 *
 * Use:
 *   const office = new OfficeRuntime();                       // an empty workbook; or new OfficeRuntime(model)
 *   await office.model.loadXlsx(bytes);                        // fill it like the double
 *   const host = new OfficeHost(office.excel, requirementsUpTo('1.13'));   // office.excel is what Excel.run is
 *   await office.excel.run(async (context) => { … await context.sync(); });
 *   office.requests   // every request sent: UTF-8 bytes of its JSON body, actions, object paths, response bytes, error
 *   office.syncs      // requests sent by context.sync() (Excel.run's clean-up requests are kind 'cleanup')
 * Like Excel on the web, a request body over 5 MB fails with RequestPayloadSizeLimitExceeded and is not executed;
 * a response over 5 MB fails with ResponsePayloadSizeLimitExceeded (the request has then been executed).
 *
 * `new OfficeRuntime(model, { identities: false })` answers only which objects are null, never an id or a reference:
 * an object path the runtime invalidates after a request (e.g. the sheet worksheets.add() returns) then fails with
 * InvalidObjectPath when used in a later sync, and collection items are addressed by index (GetItemAt), so code
 * that relies on what Excel may or may not send back fails here.
 *
 * How answers are made: each object path maps onto the double's proxies by name (Worksheets → workbook.worksheets,
 * GetRange(…) → getRange(…), an indexer → getItem(…), SetProperty Values → range.values = …, Query → load and read).
 * To run a new API through the runtime (charts.add, slicer properties, …), give the double that member; a member
 * the double lacks fails the request with code "NotInDouble" naming it, never silently. Worksheet events
 * (onChanged) are not carried yet: beside their _Register…Event action, Office.js registers the handler through
 * Office's own event channel (OfficeExtension.GenericEventRegistration), for which this sandbox has no stand-in.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { ClientObject, ClientResult, DoubleContext, OfficeError, WorkbookModel, PAYLOAD_LIMIT } from './excelDouble';

/** The tests' ceiling for any request or response: under Excel's 5 MB with room to spare. */
export const SAFE_PAYLOAD_BYTES = 4_500_000;

export interface RecordedRequest {
  kind: 'sync' | 'cleanup';
  /** UTF-8 bytes of the JSON request body, as sent. */
  bytes: number;
  actions: number;
  objectPaths: number;
  /** UTF-8 bytes of the JSON response body (0 when the request was refused before it ran). */
  responseBytes: number;
  error?: string;
  body: RequestBody;
}

interface ArgumentInfo {
  Arguments?: unknown[];
  ReferencedObjectPathIds?: unknown[];
}

interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}

interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}

export interface RequestBody {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

interface ResponseBody {
  Results: { ActionId: number; Value: unknown }[];
  Error?: { Code: string; Message: string; ActionIndex: number; Location: string };
}

interface ResponseMessage {
  ErrorCode: string | null;
  ErrorMessage?: string;
  HttpStatusCode: number;
  Headers: Record<string, string>;
  Body: ResponseBody | null;
}

interface RequestExecutor {
  executeAsync(customData: unknown, flags: number, message: { Body: RequestBody }): Promise<ResponseMessage>;
}

interface RuntimeGlobals {
  Excel: { run(session: object, batch: (context: Excel.RequestContext) => Promise<unknown>): Promise<unknown> };
}

const RUNTIME_FILE = require.resolve('@microsoft/office-js/dist/excel-web-16.00.debug.js');
let compiled: vm.Script | undefined;
let shared: RuntimeGlobals | undefined;

/** A browser-like global just rich enough for the runtime to start; nothing here reaches the network. */
function browserGlobals(): Record<string, unknown> {
  const element = () => ({ style: {}, setAttribute() {}, appendChild() {}, addEventListener() {}, getElementsByTagName: () => [] });
  const g: Record<string, unknown> = {
    console: { log() {}, warn() {}, error() {}, info() {}, debug() {} },
    // Timers the runtime sets (clean-up retries) must not keep a test process alive.
    setTimeout: (fn: () => void, ms?: number) => setTimeout(fn, ms).unref(),
    clearTimeout,
    Promise,
    document: { getElementById: () => null, getElementsByTagName: () => [], createElement: element, addEventListener() {}, readyState: 'complete', body: element(), head: element(), documentElement: element(), cookie: '' },
    navigator: { userAgent: 'node' },
    location: { href: 'https://localhost/taskpane.html', search: '', hash: '', protocol: 'https:', host: 'localhost' },
    addEventListener() {},
    removeEventListener() {},
  };
  g.window = g;
  g.self = g;
  return g;
}

/** The runtime, compiled and started once per test file and shared: per-run state lives in each RequestContext. */
function runtime(): RuntimeGlobals {
  if (!shared) {
    compiled ??= new vm.Script(readFileSync(RUNTIME_FILE, 'utf8'), { filename: RUNTIME_FILE });
    const sandbox = vm.createContext(browserGlobals());
    compiled.runInContext(sandbox);
    shared = sandbox as unknown as RuntimeGlobals;
  }
  return shared;
}

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');
const camel = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);
const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

class NotInDouble extends OfficeError {
  constructor(what: string) {
    super('NotInDouble', `The Excel double does not implement ${what}; add it to test/office/excelDouble.ts.`);
  }
}

/** Anything an object path can lead to in the double: a proxy, a collection, a format group, the application. */
type Target = Record<string, unknown>;

/** An answer to give once the double has run the request's steps. */
interface Pending {
  actionId: number;
  index: number;
  answer: () => unknown;
}

/**
 * Runs requests on the double's workbook. One double context for the workbook's lifetime, so objects Excel keeps
 * between requests (a _ReferenceId) stay usable; each request ends with one sync of that context.
 */
class Server {
  private readonly ctx: DoubleContext;
  private readonly references = new Map<string, Target>();
  private nextReference = 1;

  constructor(
    model: WorkbookModel,
    private readonly identities: boolean,
  ) {
    this.ctx = new DoubleContext(model, { limits: false });
  }

  async execute(body: RequestBody): Promise<ResponseBody> {
    const objects = new Map<number, Target>();
    const kept = new Set<number>();
    const pending: Pending[] = [];
    const resolve = (id: number): Target => {
      let target = objects.get(id);
      if (target === undefined) {
        const info = body.ObjectPaths[String(id)];
        if (!info) throw new OfficeError('InvalidObjectPath', `object path ${id} is not in the request`);
        target = this.instantiate(info, resolve);
        objects.set(id, target);
      }
      return target;
    };
    // Excel runs the actions in order and stops at the first that fails; what ran before it stays done.
    let failure: { err: unknown; index: number } | undefined;
    for (const [index, action] of body.Actions.entries()) {
      try {
        this.ctx.tag = index;
        this.act(action, index, resolve, kept, pending);
      } catch (err) {
        failure = { err, index };
        break;
      }
    }
    try {
      await this.ctx.sync();
    } catch (err) {
      failure = { err, index: (err as OfficeError).tag ?? failure?.index ?? -1 };
    }
    if (failure) return errorBody(failure.err, failure.index);
    const results: ResponseBody['Results'] = [];
    for (const p of pending) {
      try {
        const value = p.answer();
        if (value !== undefined) results.push({ ActionId: p.actionId, Value: value });
      } catch (err) {
        return errorBody(err, p.index);
      }
    }
    return { Results: results };
  }

  private instantiate(info: ObjectPathInfo, resolve: (id: number) => Target): Target {
    const parent = () => resolve(info.ParentObjectPathId!);
    const args = () => this.arguments(info.ArgumentInfo, resolve);
    switch (info.ObjectPathType) {
      case 1:
        return this.ctx.workbook as unknown as Target;
      case 3:
        return this.call(parent(), info.Name, args()) as Target;
      case 4: {
        const owner = parent();
        const value = owner[camel(info.Name)];
        if (value === null || typeof value !== 'object') throw new NotInDouble(`the property ${info.Name} of ${describe(owner)}`);
        return value as Target;
      }
      case 5:
        return this.call(parent(), 'GetItem', args()) as Target;
      case 6: {
        const target = this.references.get(info.Name);
        if (!target) throw new OfficeError('InvalidObjectPath', `the reference ${info.Name} was removed or never made`);
        return target;
      }
      default:
        throw new NotInDouble(`object paths of type ${info.ObjectPathType}`);
    }
  }

  private arguments(info: ArgumentInfo | undefined, resolve: (id: number) => Target): unknown[] {
    const args = info?.Arguments ?? [];
    const refs = info?.ReferencedObjectPathIds ?? [];
    return args.map((a, i) => (typeof refs[i] === 'number' && refs[i] !== 0 ? resolve(refs[i]) : a));
  }

  private call(target: Target, name: string, args: unknown[]): unknown {
    const fn = target[camel(name)];
    if (typeof fn !== 'function') throw new NotInDouble(`the method ${name} of ${describe(target)}`);
    return (fn as (...a: unknown[]) => unknown).apply(target, args);
  }

  private act(action: ActionInfo, index: number, resolve: (id: number) => Target, kept: Set<number>, pending: Pending[]): void {
    const target = resolve(action.ObjectPathId);
    const args = () => this.arguments(action.ArgumentInfo, resolve);
    const later = (answer: () => unknown) => pending.push({ actionId: action.Id, index, answer });
    switch (action.ActionType) {
      case 1: // Instantiate
        later(() => this.identity(target, kept.has(action.ObjectPathId)));
        return;
      case 2: {
        // Query: a flat select, on an object or on a collection's items
        const select = action.QueryInfo?.Select;
        if (!select || select.some((p) => p.includes('/')) || action.QueryInfo?.Expand?.length) throw new NotInDouble(`queries other than a flat select (${JSON.stringify(action.QueryInfo)})`);
        if (!(target instanceof ClientObject)) throw new NotInDouble(`load on ${describe(target)}`);
        target.load(select);
        later(() => loaded(target, select, this.identities));
        return;
      }
      case 3: {
        // Method
        if (action.Name === '_KeepReference') kept.add(action.ObjectPathId);
        else if (action.Name === '_RemoveReference') this.references.delete(String(args()[0]));
        else {
          const result = this.call(target, action.Name, args());
          if (result instanceof ClientResult) later(() => (result as ClientResult<unknown>).value);
        }
        return;
      }
      case 4: // SetProperty
        if (!hasSetter(target, camel(action.Name))) throw new NotInDouble(`setting ${action.Name} on ${describe(target)}`);
        target[camel(action.Name)] = args()[0];
        return;
      case 5: // Trace
        return;
      default:
        throw new NotInDouble(`actions of type ${action.ActionType} (${action.Name})`);
    }
  }

  /**
   * An Instantiate action's answer: null for a null object, {} for another object of the double's (so the client
   * knows it is not null), and the keys that let the client address it again: its id, and a _ReferenceId where
   * the client asked Excel to keep it (_KeepReference).
   */
  private identity(target: Target, keep: boolean): unknown {
    const value: Record<string, unknown> = {};
    if (target instanceof ClientObject) {
      if (!target.existsNow()) return null;
      if (this.identities) Object.assign(value, target.identity());
    } else if (!keep || !this.identities) return undefined;
    if (keep && this.identities) this.keep(target, value);
    return value;
  }

  private keep(target: Target, value: Record<string, unknown>): void {
    const id = `{6C2A0B1E-0000-4000-8000-${String(this.nextReference++).padStart(12, '0')}}`;
    this.references.set(id, target);
    value._ReferenceId = id;
  }
}

/**
 * A Query action's answer: the selected properties (PascalCase, as Excel sends them), for a collection per item,
 * with each object's id where identities are answered.
 */
function loaded(target: ClientObject, select: string[], identities: boolean): unknown {
  if (!target.existsNow()) return null;
  const read = (o: ClientObject) => {
    const out: Record<string, unknown> = identities ? { ...o.identity() } : {};
    for (const p of select) out[pascal(p)] = (o as unknown as Target)[p];
    return out;
  };
  if ('items' in target) return { _Items: (target as unknown as { items: ClientObject[] }).items.map(read) };
  return read(target);
}

function errorBody(err: unknown, index: number): ResponseBody {
  // A bug in the harness or the add-in's own code is not an Excel error: let it surface as it is.
  if (!(err instanceof OfficeError)) throw err;
  return { Results: [], Error: { Code: err.code, Message: err.message, ActionIndex: index, Location: '' } };
}

function describe(o: unknown): string {
  return (o as object | null)?.constructor?.name ?? typeof o;
}

function hasSetter(o: object, prop: string): boolean {
  for (let p: object | null = o; p; p = Object.getPrototypeOf(p) as object | null) {
    const d = Object.getOwnPropertyDescriptor(p, prop);
    if (d) return typeof d.set === 'function';
  }
  return false;
}

export class OfficeRuntime {
  readonly requests: RecordedRequest[] = [];
  readonly created: string[] = [];
  private readonly server: Server;

  constructor(
    readonly model = new WorkbookModel(),
    options: { identities?: boolean } = {},
  ) {
    this.server = new Server(model, options.identities ?? true);
  }

  /** What the host takes as its Excel: Excel.run of the real runtime, with this recorder as the request executor. */
  readonly excel = {
    run: <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
      const session = {
        _resolveRequestUrlAndHeaderInfo: () => Promise.resolve({ url: 'https://excel.invalid/recorded', headers: {} }),
        _createRequestExecutorOrNull: (): RequestExecutor => ({ executeAsync: (_data, _flags, message) => this.execute(message.Body) }),
      };
      return runtime().Excel.run(session, batch) as Promise<T>;
    },
    createWorkbook: (base64?: string): Promise<void> => {
      this.created.push(base64 ?? '');
      return Promise.resolve();
    },
  };

  get syncs(): number {
    return this.requests.filter((r) => r.kind === 'sync').length;
  }

  get maxRequestBytes(): number {
    return Math.max(0, ...this.requests.map((r) => r.bytes));
  }

  get maxResponseBytes(): number {
    return Math.max(0, ...this.requests.map((r) => r.responseBytes));
  }

  /** How many actions with this name (a method or property, e.g. "RowHeight") the syncs sent. */
  actionsNamed(name: string): number {
    let n = 0;
    for (const r of this.requests) if (r.kind === 'sync') for (const a of r.body.Actions) if (a.Name === name) n++;
    return n;
  }

  /** Forget the requests so far (e.g. after setting up a workbook). */
  clearRequests(): void {
    this.requests.length = 0;
  }

  private async execute(sent: RequestBody): Promise<ResponseMessage> {
    const json = JSON.stringify(sent);
    // What crosses the wire: a copy, so nothing the add-in still holds is shared with the "server".
    const body = JSON.parse(json) as RequestBody;
    // Excel.run's clean-up after the batch only releases the objects Excel kept (_RemoveReference on the workbook).
    const cleanup = body.Actions.every((a) => a.Name === '_RemoveReference' || (a.ActionType === 1 && body.ObjectPaths[String(a.ObjectPathId)]?.ObjectPathType === 1));
    const record: RecordedRequest = { kind: cleanup ? 'cleanup' : 'sync', bytes: utf8(json), actions: body.Actions.length, objectPaths: Object.keys(body.ObjectPaths).length, responseBytes: 0, body };
    this.requests.push(record);
    const fail = (code: string, message: string, status: number): ResponseMessage => {
      record.error = code;
      return { ErrorCode: code, ErrorMessage: message, HttpStatusCode: status, Headers: {}, Body: null };
    };
    if (record.bytes > PAYLOAD_LIMIT) return fail('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${record.bytes} bytes).`, 413);
    const answer = await this.server.execute(body);
    const response = JSON.stringify(answer);
    record.responseBytes = utf8(response);
    if (record.responseBytes > PAYLOAD_LIMIT) return fail('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${record.responseBytes} bytes).`, 413);
    if (answer.Error) record.error = answer.Error.Code;
    return { ErrorCode: null, HttpStatusCode: 200, Headers: {}, Body: JSON.parse(response) as ResponseMessage['Body'] };
  }
}
