/** Runs `action` and returns the ApiError it throws, so a test can check its code and extensions. */
import { ApiError } from '../../../src/errors';

export function thrownApiError(action: () => unknown): ApiError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected an ApiError, but nothing was thrown');
}
