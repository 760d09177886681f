/** The `filter` input of a named listing: words of the name, as nameMatch reads them, and `minSources`. */
import { Field, InputType } from 'type-graphql';
import { CorroborationFilter } from '../corroboration/corroboration-filter.type';

const NAME_WORDS = 'Words of the name or any alias, case- and accent-insensitive.';

/** One input type per listing (`NationFilter`...), so each can grow filters of its own. */
export function NameFilterType(typeName: string, description = NAME_WORDS) {
  @InputType(typeName)
  class NameFilter extends CorroborationFilter {
    @Field(() => String, { nullable: true, description })
    name?: string | null;
  }
  return NameFilter;
}
