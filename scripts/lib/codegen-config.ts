/**
 * The one GraphQL Code Generator configuration: `npm run codegen` writes it to src/web/generated/,
 * and the freshness and schema-break tests write it to a temporary folder from a (changed) schema.
 * The documents are every operation the project ships: the explorer's and the review page's
 * (`graphql()` calls in their queries.ts) and the playground's saved examples (schema/examples).
 */
import type { CodegenConfig } from '@graphql-codegen/cli';
import { fromProjectRoot } from '../../src/project-root';

export const GENERATED_DIR = fromProjectRoot('src', 'web', 'generated');
export const SCHEMA_FILE = fromProjectRoot('schema', 'schema.graphql');
export const OPERATION_FILES = [
  fromProjectRoot('src', 'web', 'explorer', 'queries.ts'),
  fromProjectRoot('src', 'web', 'review', 'queries.ts'),
  fromProjectRoot('schema', 'examples', '*.graphql'),
];

export function codegenConfig(options: { outputDir?: string; schemaFile?: string } = {}): CodegenConfig {
  // The preset wants the output folder to end with a slash.
  const outputDir = `${options.outputDir ?? GENERATED_DIR}/`;
  return {
    schema: options.schemaFile ?? SCHEMA_FILE,
    documents: OPERATION_FILES,
    ignoreNoDocuments: false,
    silent: true,
    generates: {
      [outputDir]: {
        preset: 'client',
        presetConfig: {
          // The pages read whole answers: masking fragments would hide fields they use.
          fragmentMasking: false,
          // sha256 of the document text: the hash Apollo's automatic persisted queries use too.
          persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' },
        },
        config: {
          // The pages send text with fetch (no Apollo Client): documents as strings, not ASTs.
          documentMode: 'string',
          useTypeImports: true,
          enumsAsTypes: true,
          scalars: { Date: 'string', JSONObject: 'Record<string, unknown>' },
        },
      },
    },
  };
}
