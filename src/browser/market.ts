/** The customer's (or agent's) market, remembered in localStorage. */
const KEY = 'signpost.market';

export interface SavedMarket {
  id: string;
  region: string;
}

export function savedMarket(): SavedMarket | undefined {
  try {
    const raw = localStorage.getItem(KEY);
    const v = raw ? (JSON.parse(raw) as SavedMarket) : undefined;
    return v && typeof v.id === 'string' && /^[a-z0-9-]+$/.test(v.id) ? v : undefined;
  } catch {
    return undefined;
  }
}

export function saveMarket(m: SavedMarket): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(m));
  } catch {
    /* storage unavailable: the choice lasts for this page only */
  }
}

/** Points the header link at the saved market and names it in the page language. */
export function initMarketLink(): void {
  const link = document.querySelector<HTMLAnchorElement>('[data-market-link]');
  const m = savedMarket();
  if (!link || !m) return;
  const lang = link.dataset.lang ?? 'en';
  let name = m.id.toUpperCase();
  try {
    name = new Intl.DisplayNames([document.documentElement.lang], { type: 'region' }).of(m.region) ?? name;
  } catch {
    /* keep the id */
  }
  link.href = `/${lang}/markets/${m.id}/`;
  link.textContent = (link.dataset.template ?? '{market}').replace('{market}', name);
}

/** On a market page: remember this market. */
export function rememberMarket(): void {
  const el = document.querySelector<HTMLElement>('[data-market-id]');
  if (el?.dataset.marketId && el.dataset.marketRegion) {
    saveMarket({ id: el.dataset.marketId, region: el.dataset.marketRegion });
    initMarketLink();
  }
}
