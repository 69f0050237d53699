/**
 * The task pane's build. The build itself (about a minute) runs outside jest: `npm run build:check`
 * (scripts/check-bundle.js, a CI step) builds it and checks the CSP, inline scripts, lazy chunks and size budgets.
 * Here: the webpack configuration, and that those checks catch what they are for.
 */
import webpack from 'webpack';

type ConfigFactory = (
  env: Record<string, string | boolean>,
  argv: { mode?: 'production' | 'development' },
) => Promise<webpack.Configuration>;

// webpack.config.js and the check script are CommonJS JavaScript (as in the Office add-in templates).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require('../webpack.config.js') as ConfigFactory;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const check = require('../scripts/check-bundle.js') as {
  htmlProblems: (html: string, options: { local: boolean }) => string[];
  sizeProblems: (assets: { file: string; raw: number; gzip: number; startup: boolean }[], budget?: Record<string, number>) => string[];
  BUDGET: { startupGzip: number; appRaw: number; lazyGzip: number };
};

const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

function officeJsUrlOf(config: webpack.Configuration): unknown {
  const html = config.plugins?.find((p) => p?.constructor?.name === 'HtmlWebpackPlugin') as
    | { userOptions: { templateParameters: { officeJsUrl: string } } }
    | undefined;
  return html?.userOptions.templateParameters.officeJsUrl;
}

describe('webpack configuration', () => {
  test('uses the office.js CDN by default and needs no dev certificates for a build', async () => {
    const config = await makeConfig({}, { mode: 'production' });
    expect(officeJsUrlOf(config)).toBe(CDN);
    const server = (config as { devServer?: { server?: { options?: unknown } } }).devServer?.server;
    expect(server?.options).toBeUndefined();
  });

  test('--env officejs=local serves office.js from the build', async () => {
    expect(officeJsUrlOf(await makeConfig({ officejs: 'local' }, { mode: 'production' }))).toBe('office/office.js');
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

describe('npm run build:check', () => {
  const csp =
    "default-src 'self'; script-src 'self'; worker-src 'self' blob:; connect-src 'self'; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'none'";
  const page = (policy: string, body = '') =>
    `<!doctype html><html lang="da"><head><meta http-equiv="Content-Security-Policy" content="${policy}"><title>Integrationsstatus</title>` +
    `<script src="office/office.js"></script><script defer="defer" src="vendor.0123abcd89.js"></script><script defer="defer" src="taskpane.89abcdef01.js"></script></head><body>${body}</body></html>`;

  test('passes a page as the build makes it', () => {
    expect(check.htmlProblems(page(csp), { local: true })).toEqual([]);
  });

  test.each([
    ['no policy', page(csp).replace(/<meta[^>]*>/, ''), /no Content-Security-Policy/],
    ['unsafe-inline scripts', page(csp.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")), /script-src allows 'unsafe-inline'/],
    ['eval', page(csp.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'")), /script-src allows 'unsafe-eval'/],
    ['scripts from anywhere', page(csp.replace("script-src 'self'", "script-src 'self' https:")), /script-src allows https:/],
    ['plugins', page(csp.replace("object-src 'none'", "object-src 'self'")), /object-src lacks 'none'/],
    ['an inline script', page(csp, '<script>alert(1)</script>'), /inline script/],
    ['an inline event handler', page(csp, '<img src="x" onerror="alert(1)">'), /inline event handler onerror/],
    ['a remote host in a local build', page(csp, '<img src="https://example.org/x.png">'), /remote host/],
    ['office.js not first', page(csp).replace('<script src="office/office.js"></script>', ''), /first script is vendor/],
  ])('fails a page with %s', (_what, html, problem) => {
    expect(check.htmlProblems(html, { local: true }).join('\n')).toMatch(problem);
  });

  test('fails start-up code over its budget, an oversized app chunk, and an oversized lazy chunk', () => {
    const { BUDGET } = check;
    const fits = [
      { file: 'vendor.1.js', raw: 600_000, gzip: BUDGET.startupGzip - 20_000, startup: true },
      { file: 'taskpane.1.js', raw: BUDGET.appRaw - 1, gzip: 15_000, startup: true },
      { file: 'render-xlsx.1.js', raw: 30_000, gzip: BUDGET.lazyGzip, startup: false },
    ];
    expect(check.sizeProblems(fits)).toEqual([]);
    expect(check.sizeProblems([{ ...fits[0], gzip: BUDGET.startupGzip }, fits[1], fits[2]])).toEqual([
      `start-up JavaScript is ${BUDGET.startupGzip + 15_000} bytes gzip; the budget is ${BUDGET.startupGzip}`,
    ]);
    expect(check.sizeProblems([fits[0], { ...fits[1], raw: BUDGET.appRaw + 1 }, fits[2]])).toHaveLength(1);
    expect(check.sizeProblems([fits[0], fits[1], { ...fits[2], gzip: BUDGET.lazyGzip + 1 }])).toHaveLength(1);
  });
});
