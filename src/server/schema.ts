/** Builds the GraphQL schema from the module resolvers (type-graphql); the same schema is emitted to schema/schema.graphql. */
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from '../auth/auth-checker';
import { resolvers } from '../modules/resolvers';

export async function buildApiSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    // Arguments are validated by the resolvers themselves, with messages that say what to fix.
    validate: false,
    emitSchemaFile: false,
    authChecker,
  });
}
