/** Distinct items in first-seen order, each with its index: shared strings, fonts, fills, borders, cell formats. */
export class Indexed {
  readonly items: string[];
  private readonly ids = new Map<string, number>();

  constructor(initial: string[] = []) {
    this.items = [...initial];
    initial.forEach((x, i) => this.ids.set(x, i));
  }

  id(item: string): number {
    let id = this.ids.get(item);
    if (id === undefined) {
      id = this.items.length;
      this.items.push(item);
      this.ids.set(item, id);
    }
    return id;
  }

  list(tag: string): string {
    return `<${tag} count="${this.items.length}">${this.items.join('')}</${tag}>`;
  }
}
