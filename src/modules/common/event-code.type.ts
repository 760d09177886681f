/** An event code from a standard codebook (CAMEO, PLOVER), so the graph lines up with GDELT/ICEWS/POLECAT. */
import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A code from a named codebook, e.g. CAMEO 044 or PLOVER CONSULT.' })
export class EventCode {
  @Field(() => String)
  code: string;

  @Field(() => String)
  codebook: string;
}

/** Reads the stored `<prefix>Code`/`<prefix>Codebook` pair of a record. */
export function eventCode(record: Record<string, unknown>, prefix: 'cameo' | 'plover'): EventCode | null {
  const code = record[`${prefix}Code`];
  if (typeof code !== 'string') return null;
  return { code, codebook: String(record[`${prefix}Codebook`] ?? prefix.toUpperCase()) };
}
