/** The import format as a JSON Schema document (generated from the zod definition, committed in schema/). */
import { z } from 'zod';
import { DocumentSchema } from './document.format';

export function documentJsonSchema(): string {
  const schema = z.toJSONSchema(DocumentSchema, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ title: 'Diplomacy graph document', ...schema }, null, 2)}\n`;
}
