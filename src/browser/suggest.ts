/**
 * Instant answers in the home and header search boxes: the ARIA combobox pattern (an input with a
 * listbox popup, `aria-activedescendant`). Nothing is loaded until the first keystroke; then the
 * same layer as the search page (search/engine.ts) suggests the best matching articles.
 *
 * Keys: ↓/↑ move through the suggestions (wrapping), Enter opens the highlighted one (or, with
 * none highlighted, submits to the search page), Escape closes the list (and, when it is closed,
 * clears the box), Tab leaves it. The last option always leads to every result. Keys that belong
 * to an input method composing text (Japanese, Chinese) are left to it. A query without a word
 * (punctuation, emoji, invisible marks) suggests nothing and loads nothing.
 */
import { savedMarket } from './market.ts';
import type { SearchRecorder } from './record.ts';

/** The search layer, loaded on the first keystroke (a separate chunk: pages do not carry it). */
let layer: Promise<typeof import('./search/suggestions.ts')> | undefined;
const loadLayer = () => {
  layer ??= import('./search/suggestions.ts');
  return layer;
};
/** Whether a query has a letter or digit to search for (not only punctuation, emoji or marks). */
const hasWords = (q: string) => /[\p{L}\p{N}]/u.test(q);

/** Article suggestions shown at most. */
const SHOWN = 5;
/** Characters of the query repeated in the "all results" option; a longer query is cut with "…". */
const ECHOED = 60;

interface Strings {
  all: string;
  plurals: Record<string, string>;
  markets: Record<string, string>;
}

function initBox(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[role="combobox"]');
  const list = form.querySelector<HTMLUListElement>('[role="listbox"]');
  const status = form.querySelector<HTMLElement>('[data-suggest-status]');
  if (!input || !list || !status) return;
  const strings = JSON.parse(form.dataset.suggest || '{}') as Strings;
  const lang = form.dataset.lang ?? document.documentElement.lang;
  const plural = new Intl.PluralRules(document.documentElement.lang);
  let options: HTMLLIElement[] = [];
  let active = -1;
  let seq = 0;
  // A suggestion opened is a search too: its query, how many pages were offered, which was opened.
  // The recorder is loaded only on sites built with a collector, so other pages carry none of it.
  let recorder: SearchRecorder | undefined;
  if (document.documentElement.dataset.collector) {
    void import('./record.ts').then(({ recording, SearchRecorder }) => {
      const target = recording();
      if (target) recorder = new SearchRecorder(target, lang);
    });
  }
  let shown = { query: '', count: 0 };

  // Closing also drops the suggestions still on their way (Escape, Tab, a click elsewhere).
  const close = () => {
    seq++;
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (i: number) => {
    for (const [k, o] of options.entries()) o.setAttribute('aria-selected', String(k === i));
    active = i;
    if (i < 0) input.removeAttribute('aria-activedescendant');
    else {
      input.setAttribute('aria-activedescendant', options[i]!.id);
      options[i]!.scrollIntoView({ block: 'nearest' });
    }
  };
  const go = (o: HTMLLIElement) => {
    // "All results" opens the search page, which reports the search itself.
    if (recorder && !o.classList.contains('suggest-all')) {
      recorder.searched(shown.query, shown.count, undefined, savedMarket()?.id);
      recorder.opened(o.dataset.url!, options.indexOf(o) + 1);
    }
    location.href = o.dataset.url!;
  };
  const searchUrl = (q: string) => `${form.getAttribute('action')}?${new URLSearchParams({ q })}`;

  const suggest = async () => {
    const q = input.value.trim();
    if (!hasWords(q)) {
      close();
      status.textContent = '';
      return;
    }
    const mine = ++seq;
    try {
      const { suggestions } = await loadLayer();
      const titles = await suggestions(lang, q, savedMarket()?.id, SHOWN);
      if (mine !== seq) return;
      shown = { query: q, count: titles.length };
      options = titles.map((r, i) => {
        const markets = r.markets;
        // Only pages for a few markets name them (a page for every market would list them all).
        const where = markets.length && markets.length <= 2 ? markets.map((m) => strings.markets[m] ?? m).join(', ') : undefined;
        return option(`${input.id}-opt-${i}`, r.title, r.url, where);
      });
      // A function as the replacement: `$&` or `$'` in the query are text, not patterns.
      const chars = [...q];
      const echoed = chars.length > ECHOED ? `${chars.slice(0, ECHOED - 1).join('')}…` : q;
      const all = strings.all.replace('{{query}}', () => echoed);
      options.push(option(`${input.id}-opt-all`, all, searchUrl(q)));
      options.at(-1)!.classList.add('suggest-all');
      list.replaceChildren(...options);
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      highlight(-1);
      const template = strings.plurals[plural.select(titles.length)] || strings.plurals.other || '{{count}}';
      status.textContent = template.replace('{{count}}', new Intl.NumberFormat(document.documentElement.lang).format(titles.length));
    } catch {
      if (mine === seq) close();
    }
  };

  input.addEventListener('input', () => void suggest());
  input.addEventListener('keydown', (e) => {
    // Firefox marks the keys of a composition, Safari sends them as key code 229.
    if (e.isComposing || e.keyCode === 229) return;
    const open = !list.hidden && options.length > 0;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!open) {
        if (input.value.trim()) void suggest();
        return;
      }
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      highlight(active < 0 ? (step > 0 ? 0 : options.length - 1) : (active + step + options.length) % options.length);
    } else if (e.key === 'Enter') {
      if (open && active >= 0) {
        e.preventDefault();
        go(options[active]!);
      }
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        close();
      } else if (input.value) {
        e.preventDefault();
        input.value = '';
        close();
        status.textContent = '';
      }
    } else if (e.key === 'Tab') close();
  });
  // A pointer picks an option without taking the focus from the input first.
  list.addEventListener('mousedown', (e) => e.preventDefault());
  list.addEventListener('click', (e) => {
    const o = (e.target as Element).closest<HTMLLIElement>('[role="option"]');
    if (o) go(o);
  });
  form.addEventListener('focusout', (e) => {
    if (!form.contains(e.relatedTarget as Node | null)) close();
  });
}

function option(id: string, text: string, url: string, where?: string): HTMLLIElement {
  const li = document.createElement('li');
  li.id = id;
  li.setAttribute('role', 'option');
  li.setAttribute('aria-selected', 'false');
  li.dataset.url = url;
  li.textContent = text;
  if (where) {
    const meta = document.createElement('span');
    meta.className = 'suggest-meta';
    meta.textContent = ` — ${where}`;
    li.append(meta);
  }
  return li;
}

export function initSuggest(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-suggest]')) initBox(form);
}
