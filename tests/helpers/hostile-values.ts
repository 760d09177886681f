/**
 * Argument values built from the schema for injection tests: `text` (a hostile payload) in every
 * string and id, while enums, numbers and dates stay valid so the payload reaches the resolvers.
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from 'graphql';

/** A value for an argument of `type`, with `text` in every string and id. */
export function valueFor(type: GraphQLInputType, text: string, depth = 0): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, text, depth);
  if (isListType(type)) return [valueFor(type.ofType, text, depth)];
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0].value;
  if (isInputObjectType(named)) {
    if (depth > 3) return undefined;
    return Object.fromEntries(
      Object.values(named.getFields()).map((field) => [field.name, valueFor(field.type, text, depth + 1)]),
    );
  }
  if (isScalarType(named)) {
    switch (named.name) {
      case 'Int':
        return 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return true;
      case 'Date':
        return '2025-04-10';
      case 'JSONObject':
        return { format: text, source: { id: text, text } };
      default:
        return text;
    }
  }
  return text;
}
