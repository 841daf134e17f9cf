/** On the site root: go to the best match among the site languages for the browser's languages. */
export function redirectToPreferredLanguage(): void {
  const main = document.querySelector<HTMLElement>('[data-languages]');
  if (!main) return;
  const available = (main.dataset.languages ?? '').split(' ');
  const wanted = navigator.languages.map((l) => l.toLowerCase());
  const match = wanted.find((w) => available.includes(w)) ?? wanted.map((w) => w.split('-')[0]!).find((w) => available.includes(w));
  location.replace(`/${match ?? main.dataset.default}/`);
}
