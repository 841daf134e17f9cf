/** Market data: `markets/<market>.yaml`. */
import { z } from './z.ts';
import { isoDate, langTag, plainText, translated } from './fields.ts';

const timeZones = new Set(Intl.supportedValuesOf('timeZone'));
const currencies = new Set(Intl.supportedValuesOf('currency'));

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

const clock = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, { error: 'expected a time written HH:MM, for example 09:00' });

/** One block of opening hours in the market's time zone. */
export const hoursSchema = z
  .strictObject({
    /** Weekdays, e.g. `[mon, tue, wed, thu, fri]`. */
    days: z.array(z.enum(weekdays)).min(1),
    /** Opening time, `HH:MM`. */
    open: clock,
    /** Closing time, `HH:MM` (may be `24:00`). */
    close: clock,
  })
  .refine((h) => h.close > h.open, { error: '`close` must be later than `open`', path: ['close'] });

export const channelTypes = ['email', 'chat', 'phone', 'whatsapp', 'marketplace'] as const;

/** A way to reach support in this market. */
export const channelSchema = z.strictObject({
  type: z.enum(channelTypes),
  /** Address, number or URL; shown as is. */
  value: plainText,
  /** Opening hours; absent means around the clock. */
  hours: z.array(hoursSchema).optional(),
});

export const factUnits = ['day', 'month', 'year', 'money', 'percent', 'number', 'text'] as const;

/** Whether a fact's value is text per language (`{ en: …, de: … }`) rather than a `{min, max}` range. */
export const isTexts = (v: unknown): v is Record<string, string> => typeof v === 'object' && v !== null && typeof (v as { min?: unknown }).min !== 'number';
/** Whether a fact's value is text (one for all languages, or one per language) rather than a number or range. */
const isTextValue = (v: unknown): boolean => typeof v === 'string' || isTexts(v);

/** A range such as delivery days: `{ min: 2, max: 4 }`. */
const range = z
  .strictObject({ min: z.number().nonnegative(), max: z.number().nonnegative() })
  .refine((r) => r.max >= r.min, { error: '`max` must not be less than `min`' });

/**
 * A fact a policy states, kept once here so every language shows the same number.
 * @example { value: 14, unit: day, effective: 2014-06-13, source: "Directive 2011/83/EU, Art. 9" }
 */
export const factSchema = z
  .strictObject({
    /**
     * A number, a `{min, max}` range, or text: one text for every language (an address), or one per
     * language (`{ en: drop-off at a UPS point, de: … }`), shown in the reader's language.
     */
    value: z.union([z.number(), range, plainText, translated]),
    unit: z.enum(factUnits),
    /** ISO 4217 code for `unit: money`; defaults to the market's currency. */
    currency: z
      .string()
      .refine((c) => currencies.has(c), { error: 'is not an ISO 4217 currency code' })
      .optional(),
    /** Date the rule took effect. */
    effective: isoDate,
    /** Date it stops applying, if known. */
    expires: isoDate.optional(),
    /** Law or document it rests on. */
    source: plainText.optional(),
  })
  .refine((f) => (f.unit === 'text') === isTextValue(f.value), {
    error: 'a text value needs `unit: text`, and `unit: text` needs a text value',
    path: ['value'],
  });

/** One public holiday of a market. */
export const holidaySchema = z.strictObject({
  date: isoDate,
  /** Its name: one text, or one per language (shown in the reader's language, else English, else the first). */
  name: z.union([plainText, translated]),
  /** Whether carriers deliver that day (most do not). */
  deliveries: z.boolean().default(false),
  /** Whether the support team works that day (it does not, by default). */
  support: z.boolean().default(false),
  /** Dates that follow the moon (Eid) are announced shortly before: shown as "about". */
  approximate: z.boolean().default(false),
});

/** The public holidays of a market, kept like any fact: who answers for them, when checked, from where. */
export const holidaysSchema = z.strictObject({
  owner: z.string().trim().min(1),
  /** Date the list was last checked, `YYYY-MM-DD`. */
  reviewed: isoDate,
  /** The official calendar it follows, e.g. "Cabinet Office, 国民の祝日". */
  source: plainText,
  days: z.array(holidaySchema).min(1),
});

/**
 * A regular expression (JavaScript syntax, `u` flag) for this market's order numbers. It must
 * compile and must not match the empty string, which would find an "order number" in every message.
 */
const orderNumberPattern = plainText.superRefine((source, ctx) => {
  const example = 'e.g. KG-DE-\\d{7}';
  let whole: RegExp;
  try {
    new RegExp(source, 'u');
    whole = new RegExp(`^(?:${source})$`, 'u');
  } catch (e) {
    // V8 says "Invalid regular expression: /<source>/u: Unterminated group": keep the reason only.
    const reason = (e as Error).message.replace(/^Invalid regular expression: \/.*\/\w*: /s, '');
    ctx.addIssue({ code: 'custom', input: source, message: `is not a valid regular expression: ${reason}; write it in JavaScript syntax, ${example}` });
    return;
  }
  if (whole.test(''))
    ctx.addIssue({
      code: 'custom',
      input: source,
      message: `matches the empty string, so it would find an order number in every message; require what every order number has, ${example}`,
    });
});

/**
 * What in a customer's message points to this market: the agents' site reads a pasted message
 * and guesses the customer's market from these (src/shared/hints.ts), besides the market's
 * name, currency and languages, which it knows already.
 * @example { carriers: [DHL, DPD], order_number: 'KG-DE-\d{7}', phone_prefix: "+49", words: [Berlin, München] }
 */
export const hintsSchema = z.strictObject({
  /**
   * Carriers customers of this market mention, e.g. `[DHL, DPD, ヤマト運輸]`; a carrier several markets
   * use counts less for each. Capitals-only names (`UPS`) match only in capitals, like `words`.
   */
  carriers: z.array(plainText).optional(),
  /** Order numbers of this market, as a regular expression matched as a whole word, case-insensitively, e.g. `KG-DE-\d{7}`. */
  order_number: orderNumberPattern.optional(),
  /** International calling code, e.g. `"+49"` (quoted in YAML); matched as `+49` or `0049` followed by digits. */
  phone_prefix: z
    // Unquoted, YAML reads +49 as the number 49.
    .string({ error: 'expected an international calling code in quotes, such as "+49"' })
    .regex(/^\+\d{1,4}$/, { error: 'expected an international calling code such as "+49"' })
    .optional(),
  /**
   * Other words that point to the market: big cities, short or native forms of its name that are
   * not its localized region name, e.g. `[UK, England, London]`. Written in capitals and up to four
   * letters (`UK`, `KSA`), a word matches only in capitals, so the pronoun "us" is not the US.
   */
  words: z.array(plainText).optional(),
});

export const marketSchema = z.strictObject({
  /** ISO 3166-1 region code used for the market's localized name; default: the id upper-cased. */
  region: z
    .string()
    .regex(/^[A-Z]{2}$|^\d{3}$/, { error: 'expected an ISO 3166-1 code such as DE' })
    .optional(),
  /** Names per language when the region name is not what customers should see. */
  names: translated.optional(),
  /** Languages offered to this market's customers; the first is the market's default. */
  languages: z.array(langTag).min(1, { error: 'list at least one language' }),
  /** ISO 4217 currency code. */
  currency: z.string().refine((c) => currencies.has(c), { error: 'is not an ISO 4217 currency code such as EUR' }),
  /** IANA time zone of the support team's hours, e.g. `Europe/Berlin`. */
  time_zone: z.string().refine((t) => timeZones.has(t) || t === 'UTC', { error: 'is not an IANA time zone such as Europe/Berlin' }),
  channels: z.array(channelSchema).default([]),
  facts: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, { error: 'fact names are snake_case, e.g. withdrawal_days' }), factSchema).default({}),
  /** Public holidays: agents see today's and the next ones, and customers when support opens again. */
  holidays: holidaysSchema.optional(),
  /** What in a customer's message points to this market (order numbers, carriers, phone prefix, words). */
  hints: hintsSchema.optional(),
});

export type MarketData = z.output<typeof marketSchema>;
export type Fact = z.output<typeof factSchema>;
export type Channel = z.output<typeof channelSchema>;
export type Hours = z.output<typeof hoursSchema>;
export type Holidays = z.output<typeof holidaysSchema>;
export type Hints = z.output<typeof hintsSchema>;
