/** Whether the reader's browser lets the site report anything (a module of its own: every page asks). */

/** False when the browser asks not to be tracked (Global Privacy Control, Do Not Track). */
export function consented(): boolean {
  const n = navigator as Navigator & { globalPrivacyControl?: boolean };
  const w = window as Window & { doNotTrack?: string };
  return !(n.globalPrivacyControl === true || navigator.doNotTrack === '1' || w.doNotTrack === '1');
}
