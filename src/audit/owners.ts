/** Who answers for an entry: its own owner, else the owner of the same page in the default language. */
import type { Content, Entry } from '../content/load.ts';

/** The entry's owner, falling back to its default-language page's, so translations reach the team that owns the source. */
export function ownerOf(content: Content, e: Entry): string | undefined {
  return e.data.owner ?? content.byRoute.get(e.route)?.get(content.site.defaultLanguage.code)?.data.owner;
}
