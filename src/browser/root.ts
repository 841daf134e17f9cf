/** Where the agents' site keeps the agent's working language (set by agent.ts). */
export const WORK_LANG = 'signpost.workLang';

/**
 * On the site root: go to the agent's working language on the agents' site (agent.ts remembers
 * it), else the best match among the site languages for the browser's languages.
 */
export function redirectToPreferredLanguage(): void {
  const main = document.querySelector<HTMLElement>('[data-languages]');
  if (!main) return;
  const available = (main.dataset.languages ?? '').split(' ');
  const working = main.dataset.workLang === '' ? localStorage.getItem(WORK_LANG) : null;
  if (working && available.includes(working)) {
    location.replace(`/${working}/`);
    return;
  }
  const wanted = navigator.languages.map((l) => l.toLowerCase());
  const match = wanted.find((w) => available.includes(w)) ?? wanted.map((w) => w.split('-')[0]!).find((w) => available.includes(w));
  location.replace(`/${match ?? main.dataset.default}/`);
}
