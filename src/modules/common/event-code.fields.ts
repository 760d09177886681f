/** The `cameo` and `plover` fields of meetings, statements and positions, read from stored properties. */
import type { FieldDeclarations } from './field-resolvers';
import { eventCode, EventCode } from './event-code.type';

export function eventCodeFields(descriptions: { cameo?: string; plover?: string } = {}): FieldDeclarations {
  const field = (prefix: 'cameo' | 'plover') => ({
    type: () => EventCode,
    options: { nullable: true, description: descriptions[prefix] },
    resolve: (root: { id: string }) => eventCode(root as unknown as Record<string, unknown>, prefix),
  });
  return { cameo: field('cameo'), plover: field('plover') };
}
