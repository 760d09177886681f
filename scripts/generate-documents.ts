/** `npm run generate -- --documents N --out DIR [--seed S]`: writes synthetic documents in the import format. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateDocuments } from './lib/synthetic-documents';

const { values } = parseArgs({
  options: {
    documents: { type: 'string', default: '100' },
    out: { type: 'string', default: '.data/generated' },
    seed: { type: 'string', default: '42' },
  },
});
const documents = generateDocuments({ documents: Number(values.documents), seed: Number(values.seed) });
mkdirSync(values.out!, { recursive: true });
documents.forEach((document, index) => {
  writeFileSync(
    path.join(values.out!, `${String(index).padStart(6, '0')}.json`),
    JSON.stringify(document, null, 2),
  );
});
process.stdout.write(`wrote ${documents.length} documents to ${values.out}\n`);
