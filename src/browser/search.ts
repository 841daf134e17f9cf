/**
 * The search island. Pagefind (and its index for this page's language) is loaded on the first
 * query only. Everything that comes from the URL, the index or the user is inserted as text.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  search(q: string, o?: { filters?: Record<string, string> }): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}
interface SearchData {
  labels: Record<'category' | 'market' | 'type', Record<string, string>>;
  strings: Record<string, string>;
  plurals: Record<string, string>;
}

import { savedMarket } from './market.ts';

/** Results shown at once; "Show more results" adds the next batch. */
const PAGE = 10;

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  // A runtime URL: Pagefind's bundle is written after the site is built.
  const url = '/pagefind/pagefind.js';
  pagefind ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (pf) => {
    await pf.options({ excerptLength: 24 });
    return pf;
  });
  return pagefind;
}

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

export function initSearch(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-search]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  const more = document.querySelector<HTMLButtonElement>('[data-search-more]');
  const dataEl = document.getElementById('search-data');
  if (!form || !status || !list || !dataEl || !more) return;
  const data = JSON.parse(dataEl.textContent ?? '{}') as SearchData;
  const plural = new Intl.PluralRules(document.documentElement.lang);
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select[name]')];

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
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
    const lang = (e.target as HTMLSelectElement).value;
    location.href = `/${lang}/search/${location.search}`;
  });

  more.textContent = data.strings.more ?? '';
  let pending: { data(): Promise<PagefindResultData> }[] = [];
  more.addEventListener('click', async () => {
    const next = pending.slice(0, PAGE);
    pending = pending.slice(PAGE);
    const first = list.children.length;
    list.append(...(await Promise.all(next.map((r) => r.data()))).map((r) => renderResult(r, data)));
    more.hidden = pending.length === 0;
    // Keep keyboard users in place: focus the first new result.
    list.children[first]?.querySelector('a')?.focus();
  });
  let seq = 0;
  const run = async () => {
    const q = input.value.trim();
    const filters: Record<string, string> = {};
    for (const s of selects) if (s.value) filters[s.name] = s.value;
    const url = new URL(location.href);
    url.search = new URLSearchParams({ ...(q ? { q } : {}), ...filters }).toString();
    history.replaceState(null, '', url);
    const mine = ++seq;
    list.replaceChildren();
    more.hidden = true;
    if (!q) {
      status.textContent = '';
      return;
    }
    status.textContent = data.strings.loading ?? '';
    try {
      const pf = await loadPagefind();
      const search = await pf.search(q, { filters });
      const results = await Promise.all(search.results.slice(0, PAGE).map((r) => r.data()));
      pending = search.results.slice(PAGE);
      if (mine !== seq) return;
      const n = search.results.length;
      const template = data.plurals[plural.select(n)] || data.plurals.other || '{{count}}';
      status.textContent = n ? template.replace('{{count}}', new Intl.NumberFormat(document.documentElement.lang).format(n)) : (data.strings.none ?? '');
      list.replaceChildren(...results.map((r) => renderResult(r, data)));
      more.hidden = pending.length === 0;
    } catch {
      if (mine === seq) status.textContent = data.strings.error ?? '';
    }
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 200);
  });
  for (const s of selects) s.addEventListener('change', () => void run());
  if (input.value) void run();
}

function renderResult(r: PagefindResultData, data: SearchData): HTMLLIElement {
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
