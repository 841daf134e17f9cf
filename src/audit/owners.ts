/** Who answers for an entry: its own owner, else the owner of the same page in the default language. */
import type { Content, Entry } from '../content/load.ts';

export function ownerOf(content: Content, e: Entry): string | undefined {
  return e.data.owner ?? content.byRoute.get(e.route)?.get(content.site.defaultLanguage.code)?.data.owner;
}
