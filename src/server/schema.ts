/** Builds the GraphQL schema from the module resolvers (type-graphql); the same schema is emitted to schema/schema.graphql. */
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, buildSchemaSync, type BuildSchemaOptions } from 'type-graphql';
import { authChecker } from '../auth/auth-checker';
import { resolvers } from '../modules/resolvers';

const OPTIONS: BuildSchemaOptions = {
  resolvers,
  // Arguments are validated by the resolvers themselves, with messages that say what to fix.
  validate: false,
  emitSchemaFile: false,
  authChecker,
};

export async function buildApiSchema(): Promise<GraphQLSchema> {
  return buildSchema(OPTIONS);
}

/** The same schema, for code that needs it before anything can be awaited (a test's list of cases). */
export function buildApiSchemaSync(): GraphQLSchema {
  return buildSchemaSync(OPTIONS);
}
