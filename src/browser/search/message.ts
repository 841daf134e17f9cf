/**
 * A pasted customer message as a search. A message is not a query: it has greetings, an order
 * number, a story and, somewhere, one or two things the customer wants. Searching every word would
 * find nothing (Pagefind wants them all) and ranking by all of them would favour long pages. So the
 * message becomes a plan of its *telling* words, chosen with the language's lexicon:
 *
 * - stop words, a message's chatter (the language's long stop-word list: "either", "toujours"),
 *   numbers, codes and words the index does not have (names, typos) are left out;
 * - a phrase of a synonym group ("return label", "Rücksendeetikett") is one concept with its
 *   synonyms, as in a query, and counts double: editors wrote it down because customers say it;
 * - every other word is weighed by how rare it is on the site (its lexicon tier) and by how often
 *   the message uses it; the best `MESSAGE_CONCEPTS` are searched;
 * - CJK text has no spaces and no tiers: its words come from the segmenter, runs of single
 *   characters joined (as in a query), the longer and more repeated first.
 *
 * The engine then ranks pages by the concepts they have (`combine` with `MESSAGE_MOST`), and
 * `coverTopics` picks the few shown so that together they cover the message: a message about a
 * late parcel *and* a refund gets the procedures for both, not two for the parcel. Pure code, no DOM.
 */
import type { Concept, Plan, Shown } from './engine.ts';
import { isCjk, key, type Lexicon, tokenize } from './lexicon.ts';

/** Characters of a message that are read; an e-mail thread pasted whole is cut here. */
export const MAX_MESSAGE = 5000;
/** Concepts a message is searched by. */
export const MESSAGE_CONCEPTS = 14;
/** Share of a message's concepts a page needs (two of eight, three of fourteen): low, so that a two-topic message finds a page for each. */
export const MESSAGE_MOST = 0.15;

const SYNONYM_BONUS = 2;
const HAS_DIGIT = /\d/;

interface Candidate {
  concept: Concept;
  weight: number;
  first: number;
}

/** The concepts of a pasted message, most telling first. */
export function messagePlan(text: string, lex: Lexicon, chatter: ReadonlySet<string> = new Set()): Plan {
  const words = tokenize(text, lex.lang, MAX_MESSAGE);
  const found = new Map<string, Candidate>();
  const add = (k: string, make: () => Concept, weight: number, at: number) => {
    const had = found.get(k);
    if (had) had.weight += weight;
    else found.set(k, { concept: make(), weight, first: at });
  };
  // idf of a tier: words on few pages say more about what the customer wants.
  const idf = (tier: number) => Math.log(1 + lex.pages / 2 ** tier);
  const cjkRun: string[] = [];
  const flush = (at: number) => {
    if (cjkRun.length > 1) {
      const w = cjkRun.join('');
      add(w, () => ({ text: w, alternatives: [{ q: w, weight: 1 }], correctable: false }), cjkWeight(w), at);
    }
    cjkRun.length = 0;
  };
  for (let i = 0; i < words.length; ) {
    const syn = lex.synonymAt(words, i);
    if (syn) {
      flush(i);
      const typed = words.slice(i, i + syn.length).join(isCjk(words[i]!) ? '' : ' ');
      const group = lex.groups[syn.group]!;
      const tier = lex.tier(typed) ?? 0;
      add(
        `=${syn.group}`,
        () => ({
          text: typed,
          alternatives: [{ q: typed, weight: 1 }, ...group.filter((m) => key(m) !== key(typed)).map((m) => ({ q: m, weight: 0.8 }))],
          correctable: false,
        }),
        SYNONYM_BONUS * idf(tier),
        i,
      );
      i += syn.length;
      continue;
    }
    const w = words[i]!;
    i++;
    if (lex.isStopWord(w) || chatter.has(key(w)) || HAS_DIGIT.test(w)) {
      flush(i);
      continue;
    }
    if (isCjk(w)) {
      if ([...w].length === 1) {
        cjkRun.push(w);
        continue;
      }
      flush(i);
      add(key(w), () => ({ text: w, alternatives: [{ q: w, weight: 1 }], correctable: false }), cjkWeight(w), i);
      continue;
    }
    flush(i);
    const tier = lex.tier(w);
    if (tier === undefined) continue;
    add(key(w), () => ({ text: w, alternatives: [{ q: w, weight: 1 }], correctable: false }), idf(tier), i);
  }
  flush(words.length);
  const concepts = [...found.values()]
    .sort((a, b) => b.weight - a.weight || a.first - b.first)
    .slice(0, MESSAGE_CONCEPTS)
    .map((c) => c.concept);
  return { concepts };
}

/** A CJK word's weight without a tier: longer words are more specific (配送 < 配送状況). */
function cjkWeight(w: string): number {
  return Math.min(4, [...w].length);
}

/**
 * The best `n` pages for a message that may ask two things: picked one by one, each page's score
 * counting in full for the concepts no page picked before it has, and half for the others.
 */
export function coverTopics(shown: readonly Shown[], n: number): Shown[] {
  const picked: Shown[] = [];
  const covered = new Set<number>();
  const left = [...shown];
  while (picked.length < n && left.length) {
    let best = 0;
    let bestGain = -1;
    left.forEach((r, i) => {
      const concepts = r.ranked.concepts;
      const fresh = concepts.filter((c) => !covered.has(c)).length;
      const gain = r.weight * (0.5 + (0.5 * fresh) / Math.max(1, concepts.length));
      if (gain > bestGain) {
        best = i;
        bestGain = gain;
      }
    });
    const [r] = left.splice(best, 1);
    picked.push(r!);
    for (const c of r!.ranked.concepts) covered.add(c);
  }
  return picked;
}
