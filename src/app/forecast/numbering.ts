/** Names numbered 0, 1, … in order of first appearance (for typed arrays indexed by category, segment, …). */
export class Numbering {
  readonly names: string[] = [];
  private readonly numbers = new Map<string, number>();

  of(name: string): number {
    let n = this.numbers.get(name);
    if (n === undefined) {
      n = this.names.push(name) - 1;
      this.numbers.set(name, n);
    }
    return n;
  }

  get size(): number {
    return this.names.length;
  }
}
