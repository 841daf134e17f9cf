/**
 * The answer desk's island (components/views/AnswerView.astro). From a pasted customer message:
 *
 * 1. its language (desk.ts, tinyld) and market (shared/hints.ts: order number, phone prefix,
 *    country, carrier, currency), both shown with what they rest on and both changeable;
 * 2. the message's telling words (search/message.ts), searched in that language's index with the
 *    search layer's ranking, the customer's market as a prior;
 * 3. the best procedures, each with its reply in the customer's language (blanks fillable, the
 *    order number found in the message filled in) and the market facts the procedure shows, read
 *    from the page's JSON record; and the help articles to send, with their public link.
 *
 * Nothing leaves the browser: the page fetches only the site's own index files and page records,
 * as the search does, and records nothing (no search events). Text from the message, the index or
 * a record is inserted as text, never as HTML.
 */
import { guessMarkets, type MarketClues, type MarketGuess } from '../shared/hints.ts';
import { detectLanguage, type ReplyPiece, replyPieces, replyText } from './desk.ts';
import { rerank, searchPlan, type Shown } from './search/engine.ts';
import { loadChatter, loadLexicon, loadPagefindFor } from './search/load.ts';
import { coverTopics, MAX_MESSAGE, MESSAGE_MOST, messagePlan } from './search/message.ts';
import { excerptNodes } from './search.ts';

interface Language {
  code: string;
  name: string;
  htmlLang: string;
  dir: 'ltr' | 'rtl';
}
interface AnswerData {
  lang: string;
  defaultLang: string;
  publicUrl: string;
  languages: Language[];
  markets: Record<string, string>;
  clues: MarketClues[];
  facts: Record<string, string>;
  strings: Record<string, string>;
  plurals: Record<string, string>;
}
/** The parts of a page's JSON record (exports/records.ts) the desk reads. */
interface PageRecord {
  title: string;
  url: string;
  markets: string[];
  replies?: { lang: string; title?: string; body: string }[];
  facts?: Record<string, Record<string, { text: string; source?: string; effective?: string }>>;
}

/** Procedures and help articles shown. */
const SHOWN = 3;
/** Candidates of each type re-ranked with their page data before the shown ones are picked. */
const CANDIDATES = 12;

const fillIn = (template: string, values: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

export function initAnswer(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-answer]');
  const dataEl = document.getElementById('answer-data');
  const status = document.querySelector<HTMLElement>('[data-answer-status]');
  const procedures = document.querySelector<HTMLElement>('[data-answer-procedures]');
  const articles = document.querySelector<HTMLElement>('[data-answer-articles]');
  const context = document.querySelector<HTMLElement>('[data-answer-context]');
  if (!form || !dataEl || !status || !procedures || !articles || !context) return;
  const data = JSON.parse(dataEl.textContent ?? '{}') as AnswerData;
  const s = data.strings;
  const message = form.querySelector<HTMLTextAreaElement>('textarea')!;
  const langSelect = form.querySelector<HTMLSelectElement>('[data-answer-lang]')!;
  const marketSelect = form.querySelector<HTMLSelectElement>('[data-answer-market]')!;
  const cluesLine = form.querySelector<HTMLElement>('[data-answer-clues]')!;
  const plural = new Intl.PluralRules(document.documentElement.lang);
  const langByCode = new Map(data.languages.map((l) => [l.code, l]));
  const detectedName = new Map<HTMLOptionElement, string>();
  for (const o of langSelect.options) detectedName.set(o, o.text);

  // What the agent chose overrides what was detected, until the message is cleared.
  let chosenLang: string | undefined;
  let chosenMarket: string | undefined;
  let guess: MarketGuess[] = [];
  let seq = 0;

  const showDetected = (code: string | undefined) => {
    for (const o of langSelect.options) {
      const name = detectedName.get(o) ?? o.text;
      o.text = o.value === code ? fillIn(s.detected ?? '{{language}}', { language: name }) : name;
    }
  };

  /**
   * Whether a guess is worth choosing the market for the agent: something in the message points
   * to it, or its language is spoken in that market only. A language several markets share (English)
   * is no clue, and the wrong market's facts would be worse than none.
   */
  const telling = (g: MarketGuess, lang: string) =>
    g.evidence.some((e) => e.kind !== 'language') || data.clues.filter((c) => c.languages.includes(lang)).length === 1;

  const describeClues = (g: MarketGuess | undefined) => {
    const found = g?.evidence.filter((e) => e.kind !== 'language') ?? [];
    if (!found.length) {
      cluesLine.textContent = s.noClues ?? '';
      return;
    }
    const seen = new Set<string>();
    const parts = found.map((e) => fillIn(s[`clue.${e.kind}`] ?? e.kind, { text: e.text })).filter((p) => !seen.has(p) && seen.add(p));
    cluesLine.textContent = fillIn(s.clues ?? '{{clues}}', { clues: new Intl.ListFormat(document.documentElement.lang, { type: 'unit' }).format(parts) });
  };

  const clear = () => {
    seq++;
    chosenLang = chosenMarket = undefined;
    guess = [];
    context.hidden = true;
    procedures.hidden = articles.hidden = true;
    procedures.querySelector('ol')!.replaceChildren();
    articles.querySelector('ol')!.replaceChildren();
    status.textContent = '';
    showDetected(undefined);
  };

  const run = async () => {
    const text = message.value.slice(0, MAX_MESSAGE);
    if (!text.trim()) {
      clear();
      return;
    }
    const mine = ++seq;
    const detected = detectLanguage(
      text,
      data.languages.map((l) => l.code),
    );
    showDetected(detected);
    const lang = chosenLang ?? detected ?? data.lang;
    langSelect.value = lang;
    guess = guessMarkets(text, lang, data.clues);
    const market = chosenMarket ?? (guess[0] && telling(guess[0], lang) ? guess[0].id : '');
    marketSelect.value = market;
    describeClues(guess.find((g) => g.id === market));
    context.hidden = false;
    status.textContent = s.working ?? '';
    try {
      const [pf, lex, chatter] = await Promise.all([loadPagefindFor(lang), loadLexicon(lang), loadChatter(lang)]);
      const plan = messagePlan(text, lex, chatter);
      // Procedures and help articles are searched apart: each list gets its own best candidates.
      const best = async (type: string) => {
        if (!plan.concepts.length) return [];
        const outcome = await searchPlan(pf, lex, '', { plan, literal: true, most: MESSAGE_MOST, filters: { type } });
        const { shown } = await rerank(outcome.results, lex, { market: market || undefined }, CANDIDATES);
        return coverTopics(shown, SHOWN);
      };
      const [sops, help] = await Promise.all([best('sop'), best('help')]);
      if (mine !== seq) return;
      const order = guess.find((g) => g.id === market)?.evidence.find((e) => e.kind === 'order')?.text;
      const cards = await Promise.all(sops.map((r) => procedureCard(r, lang, market, order)));
      if (mine !== seq) return;
      procedures.querySelector('ol')!.replaceChildren(...cards);
      articles.querySelector('ol')!.replaceChildren(...help.map((r) => articleCard(r, lang)));
      procedures.hidden = !sops.length;
      articles.hidden = !help.length;
      const n = sops.length + help.length;
      const template = data.plurals[plural.select(n)] || data.plurals.other || '{{count}}';
      status.textContent = n ? fillIn(template, { count: new Intl.NumberFormat(document.documentElement.lang).format(n) }) : (s.nothing ?? '');
    } catch {
      if (mine === seq) status.textContent = s.nothing ?? '';
    }
  };

  /** A page's record: in the agent's language if it has its own, else the customer's, else the source. */
  const recordOf = async (route: string, lang: string): Promise<PageRecord | undefined> => {
    for (const l of new Set([data.lang, lang, data.defaultLang])) {
      const r = await fetch(`/${l}/${route}/index.json`).catch(() => undefined);
      if (r?.ok) return (await r.json()) as PageRecord;
    }
    return undefined;
  };

  const routeOf = (url: string, lang: string) => url.slice(`/${lang}/`.length).replace(/\/$/, '');

  const procedureCard = async (r: Shown, lang: string, market: string, order: string | undefined): Promise<HTMLLIElement> => {
    const route = routeOf(r.data.url, lang);
    const rec = await recordOf(route, lang);
    const customer = langByCode.get(lang)!;
    const li = el('li', { className: 'answer-card' });
    const link = el('a', { href: `/${data.lang}/${route}/`, textContent: rec?.title ?? r.data.meta.title ?? route });
    li.append(el('h3', {}, link));
    li.append(el('p', { className: 'excerpt' }, ...excerptNodes(r.data.excerpt)));
    if (market && rec && !rec.markets.includes(market)) {
      li.append(el('p', { className: 'notice answer-warning', textContent: fillIn(s.notForMarket ?? '', { market: data.markets[market] ?? market }) }));
    }
    const replies = (rec?.replies ?? []).filter((x) => x.lang === lang);
    if (!replies.length) li.append(el('p', { className: 'answer-no-reply', textContent: fillIn(s.noReply ?? '', { language: customer.name }) }));
    for (const reply of replies) li.append(replyBlock(reply, customer, order));
    const facts = market ? rec?.facts?.[market] : undefined;
    if (facts && Object.keys(facts).length) {
      const dl = el('dl', { className: 'answer-facts' });
      for (const [name, f] of Object.entries(facts)) {
        dl.append(el('dt', { textContent: data.facts[name] ?? name }), el('dd', { textContent: f.text, title: f.source ?? '' }));
      }
      const id = `facts-${route.replace(/[^a-z0-9]+/gi, '-')}`;
      li.append(el('h4', { id, textContent: fillIn(s.facts ?? '', { market: data.markets[market] ?? market }) }), dl);
      dl.setAttribute('aria-labelledby', id);
    }
    return li;
  };

  const replyBlock = (reply: { title?: string; body: string }, customer: Language, order: string | undefined): HTMLElement => {
    const pieces = replyPieces(reply.body);
    const box = el('section', { className: 'answer-reply' });
    box.append(el('h4', { textContent: fillIn(s.reply ?? '', { language: customer.name, title: reply.title ?? '' }) }));
    box.append(el('p', { className: 'hint', textContent: s.blanks ?? '' }));
    const body = el('div', { className: 'reply-body', lang: customer.htmlLang, dir: customer.dir });
    for (const para of pieces) {
      const p = el('p');
      para.forEach((line, i) => {
        if (i) p.append(el('br'));
        for (const piece of line) p.append(pieceNode(piece, order));
      });
      body.append(p);
    }
    const done = el('span', { className: 'sr-only', role: 'status' } as Partial<HTMLSpanElement>);
    const copy = el('button', { type: 'button', className: 'copy', textContent: s.copy ?? 'Copy' });
    copy.addEventListener('click', async () => {
      const text = replyText(pieces, (name) => body.querySelector<HTMLInputElement>(`input[data-blank="${CSS.escape(name)}"]`)?.value);
      try {
        await navigator.clipboard.writeText(text);
        copy.textContent = done.textContent = s.copied ?? '';
      } catch {
        copy.textContent = done.textContent = s.copyFailed ?? '';
      }
      setTimeout(() => (copy.textContent = s.copy ?? 'Copy'), 2000);
    });
    box.append(body, el('p', {}, copy, done));
    return box;
  };

  /** A blank is an input named by its placeholder; blanks of the same name fill together, across replies. */
  const pieceNode = (piece: ReplyPiece, order: string | undefined): Node => {
    if ('text' in piece) return document.createTextNode(piece.text);
    const input = el('input', { type: 'text', className: 'blank', placeholder: piece.blank, size: Math.max(8, [...piece.blank].length + 2) });
    input.dataset.blank = piece.blank;
    input.setAttribute('aria-label', piece.blank);
    if (order && /^order (number|id)$/i.test(piece.blank)) input.value = order;
    input.addEventListener('input', () => {
      for (const other of document.querySelectorAll<HTMLInputElement>(`input[data-blank="${CSS.escape(piece.blank)}"]`)) {
        if (other !== input) other.value = input.value;
      }
    });
    return input;
  };

  const articleCard = (r: Shown, lang: string): HTMLLIElement => {
    const route = routeOf(r.data.url, lang);
    const li = el('li', { className: 'answer-card' });
    li.append(el('h3', {}, el('a', { href: r.data.url, textContent: r.data.meta.title ?? route, lang: langByCode.get(lang)?.htmlLang ?? lang })));
    li.append(el('p', { className: 'excerpt', lang: langByCode.get(lang)?.htmlLang ?? lang }, ...excerptNodes(r.data.excerpt)));
    const url = `${data.publicUrl}/${lang}/${route}/`;
    const field = el('input', { type: 'text', readOnly: true, value: url, className: 'answer-link' });
    const id = `link-${route.replace(/[^a-z0-9]+/gi, '-')}`;
    field.id = id;
    const copy = el('button', { type: 'button', className: 'copy', textContent: s.copyLink ?? 'Copy' });
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(url);
        copy.textContent = s.copied ?? '';
      } catch {
        field.select();
      }
      setTimeout(() => (copy.textContent = s.copyLink ?? 'Copy'), 2000);
    });
    li.append(el('p', { className: 'answer-customer-link' }, el('label', { htmlFor: id, textContent: s.customerLink ?? '' }), field, copy));
    return li;
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  form.addEventListener('reset', () => setTimeout(clear));
  message.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 300);
  });
  langSelect.addEventListener('change', () => {
    chosenLang = langSelect.value;
    void run();
  });
  marketSelect.addEventListener('change', () => {
    chosenMarket = marketSelect.value;
    void run();
  });
}
