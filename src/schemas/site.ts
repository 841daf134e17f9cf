/** Site data: `site.yaml` at the content root. Every key is optional and has a default. */
import { z } from './z.ts';
import { langTag, plainText, reviewEvery, translated } from './fields.ts';

export const languageSchema = z.strictObject({
  code: langTag,
  /** Native name for the language switcher; default from `Intl.DisplayNames`. */
  name: plainText.optional(),
  /** Text direction; default derived from the tag (ar, he, fa, ur… are rtl). */
  dir: z.enum(['ltr', 'rtl']).optional(),
});

export const categorySchema = z.strictObject({
  /** Folder name under `help/<lang>/`. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected a folder name such as returns' }),
  names: translated,
  descriptions: translated.optional(),
  /**
   * Names of the sub-folders of the category (its sections), by path inside the category folder:
   * `billing`, `billing/refunds`. The category page lists the articles of each under its name.
   */
  sections: z
    .array(
      z.strictObject({
        id: z
          .string()
          .regex(/^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/, { error: 'expected a folder path inside the category such as billing or billing/refunds' }),
        names: translated,
      }),
    )
    .optional(),
});

export const siteSchema = z.strictObject({
  name: plainText.default('Help Center'),
  /** Public URL of the help center, for canonical links and the sitemap. */
  url: z.url({ protocol: /^https?$/ }).default('http://localhost:4321'),
  default_language: langTag.optional(),
  languages: z.array(languageSchema).min(1).optional(),
  categories: z.array(categorySchema).optional(),
  /** Article paths shown as popular on the home page, e.g. `orders/track-your-order`. */
  popular: z.array(z.string()).default([]),
  /**
   * The collector (`npm run collect`) that records what readers search and whether pages helped.
   * Absent or empty: nothing is recorded and the feedback form posts to `feedback.endpoint`, if any.
   * `SIGNPOST_COLLECTOR=<origin>` at build time overrides `url`.
   */
  collector: z
    .strictObject({
      /** Origin of the collector, e.g. `https://insights.example.com`. */
      url: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).optional(),
      /** Origins besides `url` of this file allowed to send to it: the agents' site, a staging site. */
      origins: z.array(z.url({ protocol: /^https?$/ })).default([]),
      /** When the audit turns what the collector recorded into findings (`SIGNPOST_COLLECTOR_DB`). */
      thresholds: z
        .strictObject({
          /** Days of events the audit looks at. */
          days: z.number().int().min(1).default(30),
          /** `search-gap`: a query searched at least this often in a language, with no result. */
          search_gap: z.number().int().min(1).default(3),
          /** `unhelpful`: a page with at least this many answers… */
          unhelpful_votes: z.number().int().min(1).default(5),
          /** …of which fewer than this share said it helped. */
          unhelpful_ratio: z.number().min(0).max(1).default(0.5),
          /** `synonym-suggestion`: a reformulation seen at least this often. */
          synonym: z.number().int().min(1).default(2),
        })
        .default({ days: 30, search_gap: 3, unhelpful_votes: 5, unhelpful_ratio: 0.5, synonym: 2 }),
    })
    .default({ origins: [], thresholds: { days: 30, search_gap: 3, unhelpful_votes: 5, unhelpful_ratio: 0.5, synonym: 2 } }),
  feedback: z
    .strictObject({
      /** URL that receives "Was this helpful?" answers as a POST; empty or absent hides the widget. */
      endpoint: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).optional(),
    })
    .default({}),
  /**
   * Origins whose `<iframe>` embeds content may use, e.g. `https://www.youtube-nocookie.com`.
   * Empty by default: no iframes at all.
   */
  embeds: z.array(z.url({ protocol: /^https$/, error: 'expected an https origin such as https://www.youtube-nocookie.com' })).default([]),
  review_every: z
    .strictObject({
      help: reviewEvery.default(365),
      sop: reviewEvery.default(180),
      policy: reviewEvery.default(90),
      culture: reviewEvery.default(365),
    })
    .prefault({}),
  /**
   * Links that lead nowhere: `error` (the default) fails the build; `warn` publishes and reports
   * each one in the build output and the audit, for a migration while the links are being fixed.
   */
  links: z.enum(['error', 'warn']).default('error'),
  /** Days before a review is due in which the audit says "due soon". */
  due_soon_days: z.number().int().nonnegative().default(30),
});

export type SiteData = z.output<typeof siteSchema>;
