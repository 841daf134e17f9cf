/**
 * The search page's island. Pagefind and the language's lexicon are loaded on the first query
 * only; the layer (search/engine.ts) plans, searches and ranks. Everything that comes from the
 * URL, the index or the user is inserted as text.
 */
import { savedMarket } from './market.ts';
import { recording, SearchRecorder } from './record.ts';
import { rerank, searchPlan, type PagefindData, type Ranked } from './search/engine.ts';
import { loadLexicon, loadPagefind } from './search/load.ts';

interface SearchData {
  labels: Record<'category' | 'market' | 'type', Record<string, string>>;
  strings: Record<string, string>;
  plurals: Record<string, string>;
}

/** Results shown at once; "Show more results" adds the next batch. */
const PAGE = 10;

/** Builds the excerpt's nodes: text stays text, only Pagefind's `<mark>` becomes an element. */
export function excerptNodes(excerpt: string): Node[] {
  const doc = new DOMParser().parseFromString(`<body>${excerpt}</body>`, 'text/html');
  return [...doc.body.childNodes].map((n) => {
    if (n.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = n.textContent;
      return mark;
    }
    return document.createTextNode(n.textContent ?? '');
  });
}

/** A translated sentence with `{{name}}` replaced by a node (a link, an emphasis), the rest as text. */
function fill(template: string, name: string, node: Node): Node[] {
  const at = template.indexOf(`{{${name}}}`);
  if (at < 0) return [document.createTextNode(template)];
  return [document.createTextNode(template.slice(0, at)), node, document.createTextNode(template.slice(at + name.length + 4))];
}

function queryLink(text: string, params: Record<string, string>): HTMLAnchorElement {
  const a = document.createElement('a');
  const url = new URL(location.href);
  url.search = new URLSearchParams(params).toString();
  a.href = url.pathname + url.search;
  a.textContent = text;
  return a;
}

export function initSearch(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-search]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  const more = document.querySelector<HTMLButtonElement>('[data-search-more]');
  const correction = document.querySelector<HTMLElement>('[data-search-correction]');
  const empty = document.querySelector<HTMLElement>('[data-search-empty]');
  const dataEl = document.getElementById('search-data');
  if (!form || !status || !list || !dataEl || !more || !correction || !empty) return;
  const data = JSON.parse(dataEl.textContent ?? '{}') as SearchData;
  const lang = form.dataset.lang ?? document.documentElement.lang;
  const plural = new Intl.PluralRules(document.documentElement.lang);
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select[name]')];

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  let literal = params.get('literal') === '1';
  for (const s of selects) {
    const v = params.get(s.name);
    if (v && [...s.options].some((o) => o.value === v)) s.value = v;
  }
  // Agents: the market context they chose applies to search unless the URL says otherwise.
  const market = form.querySelector<HTMLSelectElement>('select[name="market"]');
  const saved = savedMarket();
  if (form.dataset.defaultMarket !== undefined && market && saved && !params.has('market') && [...market.options].some((o) => o.value === saved.id))
    market.value = saved.id;
  // Each language has its own index: switching language moves to that language's search page.
  form.querySelector<HTMLSelectElement>('select[data-search-language]')?.addEventListener('change', (e) => {
    const next = (e.target as HTMLSelectElement).value;
    location.href = `/${next}/search/${location.search}`;
  });
  showContact(empty, saved?.id, lang);
  const target = recording();
  const recorder = target ? new SearchRecorder(target, lang) : undefined;
  // A result opened (click, middle-click, Enter on the link): which one, at which rank.
  const onOpen = (e: MouseEvent) => {
    const a = (e.target as Element).closest<HTMLAnchorElement>('h2 a');
    const li = a?.closest('li');
    if (a && li) recorder?.opened(a.href, [...list.children].indexOf(li) + 1);
  };
  list.addEventListener('click', onOpen);
  list.addEventListener('auxclick', onOpen);

  more.textContent = data.strings.more ?? '';
  let loaded: { ranked: Ranked; data: PagefindData }[] = [];
  let pending: Ranked[] = [];
  more.addEventListener('click', async () => {
    const first = list.children.length;
    const fromLoaded = loaded.splice(0, PAGE);
    const need = PAGE - fromLoaded.length;
    const fetched = need > 0 ? await Promise.all(pending.splice(0, need).map(async (r) => ({ ranked: r, data: await r.result.data() }))) : [];
    list.append(...[...fromLoaded, ...fetched].map((r) => renderResult(r.data, data)));
    more.hidden = loaded.length + pending.length === 0;
    // Keep keyboard users in place: focus the first new result.
    list.children[first]?.querySelector('a')?.focus();
  });

  let seq = 0;
  const run = async () => {
    const q = input.value.trim();
    const filters: Record<string, string> = {};
    for (const s of selects) if (s.value) filters[s.name] = s.value;
    const url = new URL(location.href);
    url.search = new URLSearchParams({ ...(q ? { q } : {}), ...(literal && q ? { literal: '1' } : {}), ...filters }).toString();
    history.replaceState(null, '', url);
    const mine = ++seq;
    if (!q) {
      list.replaceChildren();
      correction.replaceChildren();
      more.hidden = true;
      empty.hidden = true;
      status.textContent = '';
      return;
    }
    status.textContent = data.strings.loading ?? '';
    try {
      const [pf, lex] = await Promise.all([loadPagefind(), loadLexicon(lang)]);
      const outcome = await searchPlan(pf, lex, q, { filters, literal });
      const { shown, rest } = await rerank(outcome.results, lex, { market: filters.market ?? saved?.id });
      if (mine !== seq) return;
      loaded = shown.slice(PAGE);
      pending = rest;
      const n = outcome.results.length;
      const template = data.plurals[plural.select(n)] || data.plurals.other || '{{count}}';
      status.textContent = n ? template.replace('{{count}}', new Intl.NumberFormat(document.documentElement.lang).format(n)) : (data.strings.none ?? '');
      list.replaceChildren(...shown.slice(0, PAGE).map((r) => renderResult(r.data, data)));
      more.hidden = loaded.length + pending.length === 0;
      correction.replaceChildren();
      if (outcome.corrected) {
        const showing = document.createElement('p');
        const em = document.createElement('em');
        em.textContent = outcome.corrected;
        showing.append(...fill(data.strings.showing ?? '{{query}}', 'query', em));
        const instead = document.createElement('p');
        instead.append(...fill(data.strings.instead ?? '{{query}}', 'query', queryLink(q, { q, literal: '1', ...filters })));
        correction.append(showing, instead);
      } else if (n && shown[0]!.ranked.matched < shown[0]!.ranked.of) {
        const partial = document.createElement('p');
        partial.textContent = data.strings.partial ?? '';
        correction.append(partial);
      }
      empty.hidden = n > 0;
      recorder?.searched(q, n, outcome.corrected, filters.market ?? saved?.id);
    } catch {
      if (mine === seq) status.textContent = data.strings.error ?? '';
    }
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run().then(() => recorder?.submitted());
  });
  input.addEventListener('input', () => {
    literal = false;
    clearTimeout(timer);
    // One frame: a burst of keystrokes (or an input method committing text) searches once.
    timer = setTimeout(() => void run(), 16);
  });
  for (const s of selects) s.addEventListener('change', () => void run());
  if (input.value) void run();
}

/**
 * In the "nothing found" block: the reader's market's contact options; with no market chosen,
 * those of the markets whose first language is this page's, else of every market.
 */
function showContact(empty: HTMLElement, market: string | undefined, lang: string): void {
  const blocks = [...empty.querySelectorAll<HTMLElement>('[data-contact-market]')];
  const mine = blocks.filter((b) => b.dataset.contactMarket === market);
  const chosen = mine.length ? mine : blocks.filter((b) => b.dataset.language === lang);
  for (const b of chosen.length ? chosen : blocks) b.hidden = false;
}

function renderResult(r: PagefindData, data: SearchData): HTMLLIElement {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = r.url;
  a.textContent = r.meta.title ?? r.url;
  const h = document.createElement('h2');
  h.append(a);
  const p = document.createElement('p');
  p.className = 'excerpt';
  p.append(...excerptNodes(r.excerpt));
  const meta = document.createElement('p');
  meta.className = 'result-meta';
  const parts = [
    ...(r.filters.type ?? []).map((v) => data.labels.type[v] ?? v),
    ...(r.filters.category ?? []).map((v) => data.labels.category[v] ?? v),
    ...((r.filters.market ?? []).length > 3 ? [] : (r.filters.market ?? []).map((v) => data.labels.market[v] ?? v)),
  ];
  meta.textContent = parts.join(' · ');
  li.append(h, meta, p);
  return li;
}
