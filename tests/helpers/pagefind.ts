/** Reads a Pagefind bundle back as text: its index files are gzip'd (and some carry a signature). */
import fs from 'node:fs';
import zlib from 'node:zlib';

/** The file's text, decompressed when it is gzip. */
export function readMaybeGzip(file: string): string {
  const buf = fs.readFileSync(file);
  if (buf[0] === 0x1f && buf[1] === 0x8b) return zlib.gunzipSync(buf).toString('utf8');
  return buf.toString('utf8');
}
