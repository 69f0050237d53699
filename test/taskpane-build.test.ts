/**
 * Builds the task pane once with webpack's Node API (production mode,
 * --env officejs=local) into a temporary directory and checks the output.
 * Offline: no certificates, no CDN.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import webpack from 'webpack';

type ConfigFactory = (
  env: Record<string, string | boolean>,
  argv: { mode?: 'production' | 'development' },
) => Promise<webpack.Configuration>;

// webpack.config.js is CommonJS JavaScript (as in the Office add-in templates).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require('../webpack.config.js') as ConfigFactory;

const ROOT = path.resolve(__dirname, '..');
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

function runWebpack(config: webpack.Configuration): Promise<webpack.Stats> {
  return new Promise((resolve, reject) => {
    const compiler = webpack(config);
    compiler.run((err, stats) => {
      compiler.close((closeErr) => {
        if (err || closeErr || !stats) reject(err ?? closeErr ?? new Error('webpack returned no stats'));
        else resolve(stats);
      });
    });
  });
}

/** src attributes of all <script> tags, whether quoted or not (the HTML is minified). */
function scriptSources(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*?\ssrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );
}

function officeJsUrlOf(config: webpack.Configuration): unknown {
  const html = config.plugins?.find((p) => p?.constructor?.name === 'HtmlWebpackPlugin') as
    | { userOptions: { templateParameters: { officeJsUrl: string } } }
    | undefined;
  return html?.userOptions.templateParameters.officeJsUrl;
}

describe('task pane build (production, officejs=local)', () => {
  let outDir: string;
  let stats: webpack.Stats;
  let html: string;

  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'integrationsstatus-build-'));
    const config = await makeConfig({ officejs: 'local' }, { mode: 'production' });
    config.output = { ...config.output, path: outDir };
    stats = await runWebpack(config);
    html = fs.readFileSync(path.join(outDir, 'taskpane.html'), 'utf8');
  }, 240_000);

  afterAll(() => {
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });

  test('compiles without errors', () => {
    const { errors } = stats.toJson({ all: false, errors: true });
    expect(errors ?? []).toEqual([]);
    expect(stats.hasErrors()).toBe(false);
  });

  test('taskpane.html loads the local office.js first, then the bundles', () => {
    expect(html).toMatch(/<html lang="?da"?/);
    expect(html).toMatch(/<title>Integrationsstatus<\/title>/);
    const sources = scriptSources(html);
    expect(sources[0]).toBe('office/office.js');
    expect(sources.some((s) => /^taskpane\.[0-9a-f]{8,}\.js$/.test(s))).toBe(true);
    expect(sources.some((s) => /^vendor\.[0-9a-f]{8,}\.js$/.test(s))).toBe(true);
    for (const src of sources) expect(fs.existsSync(path.join(outDir, src))).toBe(true);
  });

  test('office.js is copied unchanged from @microsoft/office-js', () => {
    const pkgDist = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
    for (const file of ['office.js', 'o15apptofilemappingtable.js']) {
      const copied = fs.readFileSync(path.join(outDir, 'office', file));
      expect(copied.equals(fs.readFileSync(path.join(pkgDist, file)))).toBe(true);
    }
  });

  test('no remote host is referenced in local mode', () => {
    expect(html).not.toMatch(/appsforoffice\.microsoft\.com/);
    expect(html).not.toMatch(/(?:https?:)?\/\/[a-z0-9]/i);
  });

  test('vendor code is split from the app', () => {
    const chunks = stats.toJson({ all: false, chunks: true }).chunks ?? [];
    const names = chunks.flatMap((c) => c.names ?? []);
    expect(names).toEqual(expect.arrayContaining(['taskpane', 'vendor']));
    const app = fs.readFileSync(path.join(outDir, scriptSources(html).find((s) => s.startsWith('taskpane.'))!), 'utf8');
    expect(app.length).toBeLessThan(50_000); // React and Fluent UI live in vendor.*.js
  });

  test('manifest and icons are copied', () => {
    expect(fs.readFileSync(path.join(outDir, 'manifest.xml'), 'utf8')).toBe(
      fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'),
    );
    for (const size of [16, 32, 64, 80, 128]) {
      const name = `icon-${size}.png`;
      expect(fs.readFileSync(path.join(outDir, 'assets', name)).equals(fs.readFileSync(path.join(ROOT, 'assets', name)))).toBe(true);
    }
  });
});

describe('webpack configuration without --env officejs=local', () => {
  test('uses the office.js CDN and needs no dev certificates for a build', async () => {
    const config = await makeConfig({}, { mode: 'production' });
    expect(officeJsUrlOf(config)).toBe(CDN);
    const server = (config as { devServer?: { server?: { options?: unknown } } }).devServer?.server;
    expect(server?.options).toBeUndefined();
  });

  test('publicUrl rewrites the dev server URL in the copied manifest only', async () => {
    await expect(makeConfig({ publicUrl: 'http://example.org/' }, { mode: 'production' })).rejects.toThrow(/https/);
    const config = await makeConfig({ publicUrl: 'https://addins.example.org/integrationsstatus/' }, { mode: 'production' });
    const copy = config.plugins?.find((p) => p?.constructor?.name === 'CopyPlugin') as
      | { patterns: Array<{ from: string; transform?: (c: Buffer) => Buffer | string }> }
      | undefined;
    const manifestPattern = copy?.patterns.find((p) => p.from === 'manifest.xml');
    const out = String(manifestPattern?.transform?.(Buffer.from('<A DefaultValue="https://localhost:3000/taskpane.html"/>')));
    expect(out).toBe('<A DefaultValue="https://addins.example.org/integrationsstatus/taskpane.html"/>');
  });
});
