/**
 * The article to draft. Every field is a plain String, the date included: a malformed value
 * reaches the article's validator (extract/article.validate.ts), whose message names the field.
 */
import { Field, InputType } from 'type-graphql';
import { MAX_ARTICLE_CHARS } from '../../extract/article.validate';

@InputType({ description: 'A news article as an analyst pastes it, with its source metadata.' })
export class ArticleInput {
  @Field(() => String, {
    description: `The full text, verbatim (at most ${MAX_ARTICLE_CHARS.toLocaleString('en')} characters); every offset in the draft points into it.`,
  })
  text: string;

  @Field(() => String, { description: 'The headline.' })
  title: string;

  @Field(() => String, { description: 'The newspaper, agency or site that published it.' })
  publisher: string;

  @Field(() => String, {
    description: 'The publication date, YYYY-MM-DD; relative dates in the text are resolved against it.',
  })
  publishedAt: string;

  @Field(() => String, { nullable: true, description: 'Its address (http or https).' })
  url?: string | null;
}
