/** Agent tools on the internal site. */
import { savedMarket } from './market.ts';
import { WORK_LANG } from './root.ts';

const REPLY_LANG = 'signpost.replyLang';

function labels() {
  const el = document.querySelector<HTMLElement>('[data-agent-tools]');
  return { copy: el?.dataset.copy ?? 'Copy', copied: el?.dataset.copied ?? 'Copied', failed: el?.dataset.copyFailed ?? 'Copy failed' };
}

/** A copy button on every canned reply; the reply text stays selectable without it. */
function copyButtons(): void {
  const l = labels();
  for (const reply of document.querySelectorAll<HTMLElement>('.prose [data-reply]')) {
    const body = reply.querySelector<HTMLElement>('.reply-body');
    const head = reply.querySelector<HTMLElement>('.reply-head');
    if (!body || !head || head.querySelector('.copy')) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy';
    button.textContent = l.copy;
    const status = document.createElement('span');
    status.className = 'sr-only';
    status.setAttribute('role', 'status');
    button.addEventListener('click', async () => {
      try {
        // biome-ignore lint/performance/useDomNodeTextContent: innerText keeps the reply's visible line breaks.
        await navigator.clipboard.writeText(body.innerText.trim());
        button.textContent = l.copied;
        status.textContent = l.copied;
      } catch {
        button.textContent = l.failed;
        status.textContent = l.failed;
      }
      setTimeout(() => (button.textContent = l.copy), 2000);
    });
    head.append(button, status);
  }
}

/** The reply-language choice: shows the replies in one language (remembered), or all. */
function replyLanguage(): void {
  const select = document.querySelector<HTMLSelectElement>('[data-reply-lang-select]');
  if (!select) return;
  select.closest<HTMLElement>('[hidden]')?.removeAttribute('hidden');
  const apply = () => {
    const lang = select.value;
    for (const reply of document.querySelectorAll<HTMLElement>('.prose [data-reply]')) {
      reply.hidden = lang !== '' && reply.dataset.replyLang !== lang;
    }
  };
  const saved = localStorage.getItem(REPLY_LANG) ?? '';
  if ([...select.options].some((o) => o.value === saved)) select.value = saved;
  select.addEventListener('change', () => {
    localStorage.setItem(REPLY_LANG, select.value);
    apply();
  });
  apply();
}

/** The market context: on pages with per-market panels, show the agent's market first and only. */
function marketContext(): void {
  const m = savedMarket();
  const panels = [...document.querySelectorAll<HTMLElement>('[data-market-panel]')];
  if (!m || !panels.some((p) => p.dataset.marketPanel === m.id)) return;
  for (const p of panels) p.hidden = p.dataset.marketPanel !== m.id;
}

/** "/" focuses the search box, as in most tools agents use. */
function slashToSearch(): void {
  document.addEventListener('keydown', (e) => {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target as HTMLElement;
    if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
    const input = document.querySelector<HTMLInputElement>('input[type="search"]');
    if (!input) return;
    e.preventDefault();
    input.focus();
    input.select();
  });
}

/**
 * The working language: the one the agent last chose in the language menu, or the one of the page
 * they are reading. The site root opens in it (root.ts); the reply language is not touched.
 */
function workingLanguage(): void {
  const lang = document.querySelector<HTMLElement>('[data-agent-tools]')?.dataset.lang;
  if (lang && !localStorage.getItem(WORK_LANG)) localStorage.setItem(WORK_LANG, lang);
  for (const a of document.querySelectorAll<HTMLAnchorElement>('.lang-switch a[data-lang]')) {
    a.addEventListener('click', () => localStorage.setItem(WORK_LANG, a.dataset.lang!));
  }
}

export function initAgentTools(): void {
  workingLanguage();
  copyButtons();
  replyLanguage();
  marketContext();
  slashToSearch();
}
