/**
 * The package (Open Packaging Conventions, ECMA-376 Part 2): parts are found through relationships, never by
 * file name; a relationship's target is resolved against its source part as a URI and compared with part names
 * case-insensitively. Every part read is counted against the workbook's budget.
 */
import type { ReadBudget } from './budget';
import { decodeXml, NS_CT, NS_NONE, NS_PKG_REL, scanXml } from './xml';
import { partKey, type Crc32, type InflateRaw, type ZipArchive } from './zip';

/** Relationship types are the same names under the transitional and the strict (ISO 29500) namespace. */
const RELATIONSHIP_TYPE_PREFIXES = ['http://schemas.openxmlformats.org/officeDocument/2006/relationships/', 'http://purl.oclc.org/ooxml/officeDocument/relationships/'];

/** The last segment of a known relationship type (officeDocument, worksheet, sharedStrings, styles, …). */
export function relationshipKind(type: string): string | undefined {
  for (const prefix of RELATIONSHIP_TYPE_PREFIXES) if (type.startsWith(prefix)) return type.slice(prefix.length);
  return undefined;
}

export interface Relationship {
  id: string;
  type: string;
  kind: string | undefined;
  /** The target's part name (no leading "/"), or undefined for an external target or one that cannot be resolved. */
  target: string | undefined;
}

/** The relationships part of a part ('' for the package itself): xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against its source part (RFC 3986), as a part name without a leading "/". */
export function resolveTarget(sourcePart: string, target: string): string | undefined {
  const t = target.trim().replace(/[#?].*$/, '');
  if (t === '' || /^[a-z][a-z0-9+.-]*:/i.test(t)) return undefined; // empty, or an absolute URI (http:, file:)
  const base = t.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const segment of t.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') base.pop();
    else base.push(segment);
  }
  return base.length ? base.join('/') : undefined;
}

function parseRelationships(xml: string, sourcePart: string, tick: () => void): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  scanXml(
    xml,
    {
      open(ns, local, a) {
        if (local !== 'Relationship' || (ns !== NS_PKG_REL && ns !== NS_NONE)) return;
        const id = a.get('Id');
        const type = a.get('Type') ?? '';
        const target = a.get('Target');
        if (id === undefined || target === undefined || rels.has(id)) return;
        const external = (a.get('TargetMode') ?? '').trim() === 'External';
        rels.set(id, { id, type, kind: relationshipKind(type), target: external ? undefined : resolveTarget(sourcePart, target) });
      },
      close() {},
      text() {},
    },
    tick,
  );
  return rels;
}

export interface ContentTypes {
  /** By lower-case extension. */
  defaults: Map<string, string>;
  /** By part key. */
  overrides: Map<string, string>;
}

function parseContentTypes(xml: string, tick: () => void): ContentTypes {
  const types: ContentTypes = { defaults: new Map(), overrides: new Map() };
  scanXml(
    xml,
    {
      open(ns, local, a) {
        if (ns !== NS_CT && ns !== NS_NONE) return;
        const type = a.get('ContentType');
        if (type === undefined) return;
        if (local === 'Default') {
          const ext = a.get('Extension');
          if (ext !== undefined) types.defaults.set(ext.toLowerCase(), type.trim());
        } else if (local === 'Override') {
          const part = a.get('PartName');
          if (part !== undefined) types.overrides.set(partKey(part), type.trim());
        }
      },
      close() {},
      text() {},
    },
    tick,
  );
  return types;
}

/** Content types of a workbook's main part (transitional and strict share them). */
export const WORKBOOK_CONTENT_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  'application/vnd.ms-excel.template.macroEnabled.main+xml',
  'application/vnd.ms-excel.addin.macroEnabled.main+xml',
]);

export interface IoOptions {
  inflateRaw: InflateRaw;
  crc32?: Crc32;
}

export class OpcPackage {
  private readonly relationshipsOf = new Map<string, Map<string, Relationship>>();
  private types: ContentTypes | undefined;

  constructor(
    readonly archive: ZipArchive,
    private readonly io: IoOptions,
    readonly budget: ReadBudget,
  ) {}

  readonly tick = (): void => this.budget.checkTime();

  has(part: string): boolean {
    return this.archive.entry(part) !== undefined;
  }

  /** A part's text, or undefined when the package has no such part. Counted against the budget before unpacking. */
  text(part: string, sheetContent = false): string | undefined {
    const entry = this.archive.entry(part);
    if (!entry) return undefined;
    this.budget.spendBytes(entry.name, entry.uncompressedSize, sheetContent);
    return decodeXml(this.archive.read(entry, this.io.inflateRaw, this.io.crc32));
  }

  /** The relationships of a part ('' for the package), by id; none when it has no relationships part. */
  relationships(part: string): Map<string, Relationship> {
    const key = partKey(part);
    let rels = this.relationshipsOf.get(key);
    if (!rels) {
      const xml = this.text(relationshipsPartOf(part));
      rels = xml === undefined ? new Map() : parseRelationships(xml, part, this.tick);
      this.relationshipsOf.set(key, rels);
    }
    return rels;
  }

  /** The first relationship of a kind from a part (sharedStrings, styles: one per workbook). */
  related(part: string, kind: string): string | undefined {
    for (const rel of this.relationships(part).values()) if (rel.kind === kind && rel.target !== undefined) return rel.target;
    return undefined;
  }

  contentTypes(): ContentTypes {
    if (!this.types) {
      const xml = this.text('[Content_Types].xml');
      this.types = xml === undefined ? { defaults: new Map(), overrides: new Map() } : parseContentTypes(xml, this.tick);
    }
    return this.types;
  }

  contentTypeOf(part: string): string | undefined {
    const types = this.contentTypes();
    const override = types.overrides.get(partKey(part));
    if (override !== undefined) return override;
    const dot = part.lastIndexOf('.');
    return dot < 0 ? undefined : types.defaults.get(part.slice(dot + 1).toLowerCase());
  }

  /**
   * The package's main part: the target of the package's officeDocument relationship. A package without one (no
   * `_rels/.rels`, as some generators write) falls back to the part its content types declare as a workbook,
   * then to `xl/workbook.xml`, as other readers do.
   */
  mainPart(): string | undefined {
    const byRelationship = this.related('', 'officeDocument');
    if (byRelationship !== undefined) return byRelationship;
    for (const [part, type] of this.contentTypes().overrides) if (WORKBOOK_CONTENT_TYPES.has(type) && this.has(part)) return this.archive.entry(part)!.key;
    return this.has('xl/workbook.xml') ? 'xl/workbook.xml' : undefined;
  }
}
