/**
 * manifest.xml: read with office-addin-manifest's own parser (what
 * `office-addin-manifest info` and `office-addin-debugging` use), plus a few
 * text checks for the parts ManifestInfo does not expose. Offline.
 */
import * as fs from 'fs';
import * as path from 'path';
import { execFile } from 'child_process';
import { promisify } from 'util';
import type { ManifestInfo } from 'office-addin-manifest';

/**
 * OfficeAddinManifest.readManifestFile, run in a plain Node process:
 * office-addin-manifest pulls in ES-module-only dependencies (uuid, strip-bom)
 * that Jest's CommonJS module registry cannot load, while Node >= 20.19 can -
 * just as when `office-addin-manifest info` runs.
 */
async function readManifestFile(manifestPath: string): Promise<ManifestInfo> {
  const script = `
    const { OfficeAddinManifest } = require('office-addin-manifest');
    OfficeAddinManifest.readManifestFile(process.argv[1]).then(
      (info) => process.stdout.write(JSON.stringify(info)),
      (err) => { console.error(err); process.exitCode = 1; },
    );`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script, manifestPath], {
    cwd: path.resolve(__dirname, '..'),
  });
  return JSON.parse(stdout) as ManifestInfo;
}

const ROOT = path.resolve(__dirname, '..');
const MANIFEST_PATH = path.join(ROOT, 'manifest.xml');
const DEV_URL = 'https://localhost:3000/';

const xml = fs.readFileSync(MANIFEST_PATH, 'utf8');

/** Attributes of every <tag ...> (optionally namespace-prefixed) in the manifest. */
function elements(tag: string): Array<Record<string, string>> {
  const re = new RegExp(`<(?:[A-Za-z]+:)?${tag}\\b([^>]*?)/?>`, 'g');
  return [...xml.matchAll(re)].map((m) =>
    Object.fromEntries([...m[1].matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])),
  );
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(buf.subarray(0, 8).equals(signature)).toBe(true);
  expect(buf.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Maps an icon URL on the dev server to the file under assets/. */
function assetFile(url: string): string {
  expect(url.startsWith(`${DEV_URL}assets/`)).toBe(true);
  return path.join(ROOT, 'assets', url.slice(`${DEV_URL}assets/`.length));
}

describe('manifest.xml', () => {
  let info: ManifestInfo;

  beforeAll(async () => {
    info = await readManifestFile(MANIFEST_PATH);
  });

  test('identity, locale and provider', () => {
    expect(info.manifestType).toBe('xml');
    expect(info.officeAppType).toBe('TaskPaneApp');
    expect(info.id).toBe('6f1d9c2e-3b7a-4c55-9e0a-2d4b8f7c1a93');
    expect(info.version).toBe('1.0.0.0');
    expect(info.defaultLocale).toBe('da-DK');
    expect(info.providerName).toBe('Københavns Kommune – Kontoret for Integration');
    expect(info.displayName).toBe('Integrationsstatus');
    expect(info.description).toBe(
      'Budgetredegørelse for integrationsindsatsen: skabelon, validering og samlet status',
    );
  });

  test('Excel only, read/write document, ExcelApi 1.7', () => {
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.permissions).toBe('ReadWriteDocument');
    expect(elements('Sets')).toEqual([{ DefaultMinVersion: '1.1' }]);
    expect(elements('Set')).toEqual([{ Name: 'ExcelApi', MinVersion: '1.7' }]);
  });

  test('task pane source location', () => {
    expect(info.defaultSettings?.sourceLocation).toBe(`${DEV_URL}taskpane.html`);
    const urls = elements('Url');
    expect(urls).toContainEqual({ id: 'Taskpane.Url', DefaultValue: `${DEV_URL}taskpane.html` });
  });

  test('ribbon button on the Home tab opens the task pane', () => {
    expect(xml).toMatch(/<OfficeTab id="TabHome">/);
    expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>ButtonId1<\/TaskpaneId>\s*<SourceLocation resid="Taskpane.Url"\/>/);
    expect(elements('String')).toContainEqual({ id: 'CommandsGroup.Label', DefaultValue: 'Integrationsstatus' });
  });

  test('en-US overrides for display name and description', () => {
    const overrides = elements('Override').filter((o) => o.Locale === 'en-US');
    const values = overrides.map((o) => o.Value);
    expect(values).toContain('Integration status');
    expect(values).toContain(
      'Integration budget statements: template, validation and consolidated status',
    );
    // Every localisable resource string has an English override.
    const strings = [...xml.matchAll(/<bt:String id="[^"]+" DefaultValue="[^"]*">([\s\S]*?)<\/bt:String>/g)];
    expect(strings.length).toBeGreaterThan(0);
    for (const s of strings) expect(s[1]).toMatch(/<bt:Override Locale="en-US" Value="[^"]+"\/>/);
  });

  test('every icon URL points to a PNG of the stated size under assets/', () => {
    const icons: Array<{ url: string; size: number }> = [
      { url: info.iconUrl ?? '', size: 32 },
      { url: info.highResolutionIconUrl ?? '', size: 64 },
    ];
    for (const image of elements('Image')) {
      if (image.id && image.DefaultValue) {
        icons.push({ url: image.DefaultValue, size: Number(/(\d+)x\1$/.exec(image.id)?.[1]) });
      }
    }
    // The ribbon references each resource at the size it was declared for.
    for (const ref of elements('Image').filter((i) => i.resid)) {
      expect(ref.resid).toBe(`Icon.${ref.size}x${ref.size}`);
    }
    expect(icons.map((i) => i.size).sort((a, b) => a - b)).toEqual([16, 32, 32, 64, 80]);
    for (const icon of icons) {
      const file = assetFile(icon.url);
      expect(fs.existsSync(file)).toBe(true);
      expect(path.basename(file)).toBe(`icon-${icon.size}.png`);
      expect(pngSize(file)).toEqual({ width: icon.size, height: icon.size });
    }
  });

  test('all URLs use https (XML namespace names excepted)', () => {
    // xmlns values are identifiers that are never fetched; strip them and comments.
    const content = xml.replace(/<!--[\s\S]*?-->/g, '').replace(/\sxmlns(?::\w+)?="[^"]*"/g, '');
    const urls = [...content.matchAll(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]*/gi)].map((m) => m[0]);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^https:\/\/[^/]+\//);
    expect(content).not.toMatch(/http:\/\//i);
  });
});
