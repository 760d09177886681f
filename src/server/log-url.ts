/**
 * The request URL as the request log shows it: the path and the names of query parameters, never
 * their values, which may hold secrets (`?api_key=...`) or whole queries with personal data.
 */

export const REDACTED = '[redacted]';

export function urlForLog(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart === -1) return url;
  const parameters = url
    .slice(queryStart + 1)
    .split('&')
    .filter((pair) => pair.length > 0)
    .map((pair) => {
      const separator = pair.indexOf('=');
      // A bare `?something` is a value without a name: it may be the secret itself.
      return separator === -1 ? REDACTED : `${pair.slice(0, Math.min(separator, 50))}=${REDACTED}`;
    });
  return `${url.slice(0, queryStart)}?${parameters.join('&')}`;
}
