/**
 * `orderBy` on root listings: one GraphQL enum per listing (`MeetingOrder { DATE_ASC DATE_DESC ... }`),
 * declared here once with what each value means, and applied to the listing's spec. A listing's
 * own key (a date, or a sort name) is read along its index either way; source count is sorted.
 * The order's name goes into the cursors (page-args.ts), so a cursor can't be reused under another.
 */
import { registerEnumType } from 'type-graphql';
import type { RootPageSpec } from '../../graph/page-spec';
import { bySourceCount } from '../corroboration/source-count-order.cypher';
import type { CursorOrdering } from './page-args';

export interface OrderChoice {
  /** `listed`: the listing's own key (its date or name); `sourceCount`: how many sources state it. */
  by: 'listed' | 'sourceCount';
  descending: boolean;
  description: string;
}

export interface ListOrder<Name extends string> {
  /** The enum object type-graphql registers, for `@Arg('orderBy', () => order.values)`. */
  values: { [K in Name]: K };
  defaultName: Name;
  choices: Record<Name, OrderChoice>;
}

export function listOrder<Name extends string>(
  typeName: string,
  description: string,
  choices: Record<Name, OrderChoice>,
  defaultName: NoInfer<Name>,
): ListOrder<Name> {
  const names = Object.keys(choices) as Name[];
  const values = Object.fromEntries(names.map((name) => [name, name])) as { [K in Name]: K };
  registerEnumType(values, {
    name: typeName,
    description,
    valuesConfig: Object.fromEntries(
      names.map((name) => [name, { description: choices[name].description }]),
    ) as Partial<Record<Name, { description: string }>>,
  });
  return { values, defaultName, choices };
}

/** The listing read in the order asked for (its default when `orderBy` is absent), and that order for its cursors. */
export function orderedListing<Name extends string>(
  order: ListOrder<Name>,
  orderBy: Name | null | undefined,
  spec: RootPageSpec,
): { spec: RootPageSpec; ordering: CursorOrdering } {
  const name = orderBy ?? order.defaultName;
  const choice = order.choices[name];
  const keyed = choice.by === 'sourceCount' ? bySourceCount(spec) : spec;
  return {
    spec: choice.descending ? { ...keyed, descending: true } : keyed,
    ordering: { name, defaultName: order.defaultName, names: Object.keys(order.choices) },
  };
}

const SOURCE_COUNT_CHOICES = {
  SOURCE_COUNT_DESC: {
    by: 'sourceCount',
    descending: true,
    description:
      'Most sources first (`sourceCount`); ties by id, last first. Sorted, not read along an index.',
  },
  SOURCE_COUNT_ASC: {
    by: 'sourceCount',
    descending: false,
    description: 'Fewest sources first (`sourceCount`); ties by id. Sorted, not read along an index.',
  },
} as const satisfies Record<string, OrderChoice>;

/** Orders of dated listings (meetings, statements, positions): date either way, or source count. */
export const DATE_ORDER_CHOICES = {
  DATE_ASC: {
    by: 'listed',
    descending: false,
    description: 'Oldest first, ties by id (the default). Undated items, where a list has any, come first.',
  },
  DATE_DESC: {
    by: 'listed',
    descending: true,
    description: 'Newest first, ties by id, last first: exactly DATE_ASC reversed. Undated items come last.',
  },
  ...SOURCE_COUNT_CHOICES,
} as const satisfies Record<string, OrderChoice>;

/** Orders of named listings (nations, officials, organizations, topics): name either way, or source count. */
export const NAME_ORDER_CHOICES = {
  NAME_ASC: {
    by: 'listed',
    descending: false,
    description: 'By name, A to Z, case and accents folded; ties by id (the default).',
  },
  NAME_DESC: {
    by: 'listed',
    descending: true,
    description: 'By name, Z to A: exactly NAME_ASC reversed.',
  },
  ...SOURCE_COUNT_CHOICES,
} as const satisfies Record<string, OrderChoice>;
