/**
 * Field resolvers declared as data: a resolver class lists the fields it adds to its type in one
 * object, and this decorator turns each entry into a type-graphql field resolver. Shared fields
 * (an actor's meetings, evidence, event codes) are then written once and spread into each type.
 */
import { Args, Ctx, Extensions, FieldResolver, Root, type ClassType } from 'type-graphql';
import type { RequestContext } from '../../server/context';

type FieldType = Extract<Parameters<typeof FieldResolver>[0], (...args: never[]) => unknown>;

/** One field a resolver adds to its type: what it returns, its arguments, and how it is resolved. */
export interface FieldDeclaration {
  type: FieldType;
  options?: { nullable?: boolean; description?: string };
  /** An @ArgsType class; omitted for a field without arguments. */
  args?: ClassType;
  /** Goes into the schema with the field, for code that plans a request from the schema. */
  extensions?: Record<string, unknown>;
  resolve(root: { id: string }, args: never, ctx: RequestContext): unknown;
}

export type FieldDeclarations = Record<string, FieldDeclaration>;

/** Adds `fields` to the resolver class it decorates, each as if written as a @FieldResolver method. */
export function FieldResolvers(fields: FieldDeclarations): ClassDecorator {
  return (target) => {
    const prototype = target.prototype as Record<string, unknown>;
    for (const [name, field] of Object.entries(fields)) {
      const args = field.args;
      // type-graphql passes the declared parameters in order, so a field without arguments gets
      // (root, ctx) and one with arguments (root, args, ctx).
      const resolve = args
        ? (root: { id: string }, values: never, ctx: RequestContext) => field.resolve(root, values, ctx)
        : (root: { id: string }, ctx: RequestContext) => field.resolve(root, {} as never, ctx);
      const descriptor: PropertyDescriptor = { value: resolve, configurable: true, writable: true };
      Object.defineProperty(prototype, name, descriptor);
      Root()(prototype, name, 0);
      if (args) Args(() => args)(prototype, name, 1);
      Ctx()(prototype, name, args ? 2 : 1);
      FieldResolver(field.type, field.options ?? {})(prototype, name, descriptor);
      if (field.extensions) Extensions(field.extensions)(prototype, name, descriptor);
    }
  };
}
