/** The shared strings part: each distinct text is stored once and cells refer to it by index. */
import { Indexed } from './indexed';
import { escapeText, needsPreserve, XML_HEADER } from './xml';

export class SharedStrings {
  private readonly texts = new Indexed();
  private uses = 0;

  id(text: string): number {
    this.uses++;
    return this.texts.id(text);
  }

  /** Count one more use of the text a caller last got an id for. */
  reuse(): void {
    this.uses++;
  }

  *xml(): Generator<string> {
    yield `${XML_HEADER}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.uses}" uniqueCount="${this.texts.items.length}">`;
    for (const t of this.texts.items) yield needsPreserve(t) ? `<si><t xml:space="preserve">${escapeText(t)}</t></si>` : `<si><t>${escapeText(t)}</t></si>`;
    yield '</sst>';
  }
}
