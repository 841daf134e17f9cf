/**
 * Turning a file's bytes into text, for content files and data files alike: UTF-8 only, BOM
 * stripped, line ends normalized, and no control characters. A NUL or an escape sequence in a
 * file is never content anyone meant to write, and it would otherwise travel into the HTML.
 */
import { isUtf8 } from 'node:buffer';
import { problem, type Problem } from './errors.ts';

/** C0 controls other than tab, line feed, form feed and carriage return. */
const control = /[\u0000-\u0008\u000b\u000e-\u001f]/;

/** Bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069); LRM/RLM (U+200E/U+200F) are fine. */
const bidi = /[\u202a-\u202e\u2066-\u2069]/;

/** The index of the first bidi override or isolate character in `text`, if any. */
export function bidiControl(text: string): number | undefined {
  const m = bidi.exec(text);
  return m ? m.index : undefined;
}

/** 1-based line of the character at `index`. */
export const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** Strips a BOM and converts CRLF and CR line ends to LF: how every reader sees a file's text. */
export function normalizeText(text: string): string {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** Decodes bytes as UTF-8, refusing invalid sequences and control characters; strips a BOM and converts CRLF/CR to LF. */
export function decodeText(bytes: Uint8Array, file: string): string | Problem {
  if (!isUtf8(bytes)) return problem('InvalidUtf8', file, 'The file contains bytes that are not valid UTF-8.');
  const text = normalizeText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  const m = control.exec(text);
  if (m) {
    const code = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    return problem('ControlCharacter', file, `The file contains the control character ${code}${code === 'U+0000' ? ' (NUL)' : ''}.`, {
      line: lineAt(text, m.index),
      column: m.index - text.lastIndexOf('\n', m.index - 1),
    });
  }
  return text;
}
