/**
 * The response-size ceiling (src/server/response-size.ts): answers under it are compact JSON,
 * unchanged; an answer over it, counted in UTF-8 bytes, becomes one QUERY_TOO_COMPLEX error.
 */
import type { Logger } from '../../src/logger';
import { boundedJsonStringify } from '../../src/server/response-size';

function fakeLogger() {
  const warn = jest.fn();
  return { logger: { warn } as unknown as Logger, warn };
}

describe('boundedJsonStringify', () => {
  it('serializes answers under the ceiling as compact JSON', () => {
    const { logger, warn } = fakeLogger();
    const result = { data: { nations: { nodes: [{ name: 'Examplia' }] } } };
    expect(boundedJsonStringify(1024, logger)(result)).toBe(JSON.stringify(result));
    expect(warn).not.toHaveBeenCalled();
  });

  it('replaces an answer over the ceiling with an error that says how to ask for less', () => {
    const { logger, warn } = fakeLogger();
    const result = { data: { source: { text: 'x'.repeat(3000) } } };
    const answer = JSON.parse(boundedJsonStringify(2048, logger)(result));
    const bytes = JSON.stringify(result).length;
    expect(answer).toEqual({
      errors: [
        {
          message: expect.stringContaining('The answer would be 3 KB, over the limit of 2 KB'),
          extensions: { code: 'QUERY_TOO_COMPLEX', responseBytes: bytes, maxResponseBytes: 2048 },
        },
      ],
    });
    expect(answer.data).toBeUndefined();
    expect(warn).toHaveBeenCalledWith({ bytes, maxBytes: 2048 }, expect.any(String));
  });

  it('counts bytes, not characters', () => {
    const { logger } = fakeLogger();
    // 400 characters of two-byte text: about 800 bytes, under a 1 KB ceiling by characters, not by bytes.
    const wide = { data: { text: 'é'.repeat(400) } };
    const narrow = { data: { text: 'e'.repeat(400) } };
    expect(JSON.parse(boundedJsonStringify(600, logger)(narrow))).toEqual(narrow);
    expect(JSON.parse(boundedJsonStringify(600, logger)(wide)).errors[0].extensions.code).toBe(
      'QUERY_TOO_COMPLEX',
    );
    expect(JSON.parse(boundedJsonStringify(1024, logger)(wide))).toEqual(wide);
  });
});
