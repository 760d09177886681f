/** The media type of GraphQL answers, chosen from the Accept header as Apollo would choose it. */
import { answerMediaType } from '../../src/server/plugins/answer-media-type';

describe('answerMediaType', () => {
  it.each([
    [undefined, 'application/json'],
    ['', 'application/json'],
    ['application/json', 'application/json'],
    ['*/*', 'application/json'],
    ['application/*', 'application/json'],
    ['application/graphql-response+json', 'application/graphql-response+json'],
    ['application/graphql-response+json, application/json', 'application/graphql-response+json'],
    ['application/json, application/graphql-response+json', 'application/json'],
    ['application/json;q=0.9, application/graphql-response+json', 'application/graphql-response+json'],
    ['application/graphql-response+json;q=0.5, */*', 'application/json'],
    ['application/json;q=0, */*', 'application/graphql-response+json'],
    ['text/html', undefined],
    ['application/json;q=0', undefined],
  ])('Accept %p answers %p', (accept, expected) => {
    expect(answerMediaType(accept)).toBe(expected);
  });
});
