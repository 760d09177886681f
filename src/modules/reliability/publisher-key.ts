/** How a publisher's name becomes the key that tells publishers apart ("Reuters" = "REUTERS "). */
import { foldText } from '../../graph/text';

export function publisherKey(name: string): string {
  return foldText(name);
}

/** `publisher:<slug>`: the key's letters and digits, words joined by hyphens. */
export function publisherId(name: string): string {
  const slug = publisherKey(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .join('-');
  return `publisher:${slug}`;
}
