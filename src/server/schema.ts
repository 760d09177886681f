/** Builds the GraphQL schema from the module resolvers (type-graphql); the same schema is emitted to schema/schema.graphql. */
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, buildSchemaSync, getMetadataStorage, type BuildSchemaOptions } from 'type-graphql';
import { authChecker } from '../auth/auth-checker';
import { resolveRelationsDirectly } from '../modules/common/relation-field';
import { resolvers } from '../modules/resolvers';

const OPTIONS: BuildSchemaOptions = {
  resolvers,
  // Arguments are validated by the resolvers themselves, with messages that say what to fix.
  validate: false,
  emitSchemaFile: false,
  authChecker,
  // Subscriptions bring their own event sources (modules/live: the change tailer); type-graphql
  // insists on a pub/sub all the same, and this one is never published to.
  pubSub: {
    publish: () => {
      throw new Error('Subscriptions are fed by the change tailer, not by publish().');
    },
    subscribe: () => {
      throw new Error('Subscriptions are fed by the change tailer, not by a pub/sub topic.');
    },
  },
};

/**
 * Plain fields (a stored property read off the object) resolve with graphql-js's default resolver
 * instead of a type-graphql wrapper per field per item, as `simpleResolvers` makes them. That
 * wrapper is where a field's @Authorized check or middleware would run, so this applies only while
 * no object or interface type has either on a field (authorization here is on queries and
 * mutations), and not to a field whose schema name differs from its property.
 */
function useSimpleResolvers(): void {
  const storage = getMetadataStorage();
  const typeClasses = new Set<unknown>(
    [...storage.objectTypes, ...storage.interfaceTypes].map((t) => t.target),
  );
  const guarded =
    storage.authorizedFields.some((field) => typeClasses.has(field.target)) ||
    storage.middlewares.some((middleware) => typeClasses.has(middleware.target));
  if (guarded) return;
  for (const field of storage.fields) if (field.name !== field.schemaName) field.simple ??= false;
  for (const objectType of storage.objectTypes) objectType.simpleResolvers ??= true;
}

/** Field resolvers with authorization or middlewares, by field name: they keep type-graphql's wrapper. */
function guardedFieldResolvers(): Set<string> {
  return new Set(
    getMetadataStorage()
      .fieldResolvers.filter(
        (resolver) => resolver.roles !== undefined || (resolver.middlewares?.length ?? 0) > 0,
      )
      .map((resolver) => resolver.schemaName),
  );
}

function finish(schema: GraphQLSchema): GraphQLSchema {
  resolveRelationsDirectly(schema, guardedFieldResolvers());
  return schema;
}

export async function buildApiSchema(): Promise<GraphQLSchema> {
  useSimpleResolvers();
  return finish(await buildSchema(OPTIONS));
}

/** The same schema, for code that needs it before anything can be awaited (a test's list of cases). */
export function buildApiSchemaSync(): GraphQLSchema {
  useSimpleResolvers();
  return finish(buildSchemaSync(OPTIONS));
}
