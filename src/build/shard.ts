/**
 * Sharded builds: `npm run build -- --shard 2/8` renders the pages of some languages only, so a
 * site too large for one machine is built by several CI runners and joined by
 * `npm run build -- --merge` (merge.ts). A language is the unit because everything language-sized
 * is already split by it: routes, exports and Pagefind's index, which is one index per language.
 *
 * Every shard loads the whole content root (a fallback page shows another language's text, and
 * site-wide files such as the sitemap list every page), so the files every shard writes are the
 * same bytes; only the language folders differ.
 */
import type { Language, SiteModel } from '../content/site.ts';

export interface Shard {
  /** 1-based, as typed: `2` in `2/8`. */
  index: number;
  count: number;
}

/** Reads `i/n` (`--shard`, `SIGNPOST_SHARD`); throws a message naming the expected form. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) {
    throw new Error(`--shard takes i/n with 1 ≤ i ≤ n, such as 2/8 (the second of eight); got "${text}".`);
  }
  return { index, count };
}

/** The shard this process builds (`SIGNPOST_SHARD`), or undefined for the whole site. */
export function shardFromEnv(env: NodeJS.ProcessEnv = process.env): Shard | undefined {
  return env.SIGNPOST_SHARD ? parseShard(env.SIGNPOST_SHARD) : undefined;
}

/**
 * The languages of a shard: dealt round-robin in site.yaml's order, so shard 1 of 4 gets the 1st,
 * 5th, 9th… language. Every language has every page (an untranslated one falls back), so shards
 * with the same number of languages have the same number of pages. Throws when there are more
 * shards than languages: a shard with nothing to build is a misconfigured CI matrix.
 */
export function shardLanguages(site: SiteModel, shard: Shard | undefined): Language[] {
  if (!shard) return site.languages;
  if (shard.count > site.languages.length) {
    throw new Error(
      `--shard ${shard.index}/${shard.count}: the site has ${site.languages.length} languages, and a shard builds whole languages. Use at most ${site.languages.length} shards.`,
    );
  }
  return site.languages.filter((_, i) => i % shard.count === shard.index - 1);
}
