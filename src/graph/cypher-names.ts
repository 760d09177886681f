/**
 * Fresh variable and parameter names for the parts of one statement. Parts nested inside one
 * another see each other's variables, so every part takes its names from the statement's one
 * allocator and no two parts can collide, whatever they are composed with.
 */
export class CypherNames {
  private next = 0;
  readonly params: Record<string, unknown> = {};

  /** A variable name no other part of the statement uses. */
  variable(prefix: string): string {
    return `${prefix}${this.next++}`;
  }

  /** A parameter holding `value`, under a name no other part of the statement uses. */
  param(prefix: string, value: unknown): string {
    const name = `${prefix}${this.next++}`;
    this.params[name] = value;
    return name;
  }
}
