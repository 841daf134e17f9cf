/**
 * The JSON export of one language, written as a stream: records go straight to disk as they are
 * made, into parts (`api/<lang>/entries-0001.json`, each a JSON array) of at most `maxBytes`, so
 * neither the build nor a consumer ever holds a whole large site in one string. `index.json` lists
 * the parts with their sizes, and the markets with their facts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ExportIndex, ExportRecord } from '../schemas/export.ts';

/** Default bound of a part: small enough to fetch and parse at once, large enough to be few. */
export const PART_BYTES = 4 * 1024 * 1024;

/** Writes one language's records into bounded parts. */
export class PartWriter {
  private fd: number | undefined;
  private bytes = 0;
  private count = 0;
  readonly parts: ExportIndex['parts'] = [];
  total = 0;

  /**
   * @param dir folder of the language's export (`<site>/api/<lang>`)
   * @param baseUrl absolute URL of that folder, with a trailing slash
   */
  private readonly dir: string;
  private readonly baseUrl: string;
  private readonly maxBytes: number;

  constructor(dir: string, baseUrl: string, maxBytes = PART_BYTES) {
    this.dir = dir;
    this.baseUrl = baseUrl;
    this.maxBytes = maxBytes;
    fs.mkdirSync(dir, { recursive: true });
  }

  /** Appends a record; starts a new part when this one would pass the bound (a record is never split). */
  add(record: ExportRecord): void {
    const text = JSON.stringify(record);
    const size = Buffer.byteLength(text) + 2;
    if (this.fd !== undefined && this.count > 0 && this.bytes + size + 2 > this.maxBytes) this.finish();
    if (this.fd === undefined) this.open();
    fs.writeSync(this.fd!, `${this.count ? ',\n' : ''}${text}`);
    this.bytes += size;
    this.count++;
    this.total++;
  }

  /** Closes the last part; a language with no records gets one empty part, so the index is never empty-handed. */
  close(): ExportIndex['parts'] {
    if (this.fd === undefined && !this.parts.length) this.open();
    this.finish();
    return this.parts;
  }

  private open(): void {
    const name = `entries-${String(this.parts.length + 1).padStart(4, '0')}.json`;
    this.fd = fs.openSync(path.join(this.dir, name), 'w');
    fs.writeSync(this.fd, '[\n');
    this.bytes = 4;
    this.count = 0;
  }

  private finish(): void {
    if (this.fd === undefined) return;
    fs.writeSync(this.fd, '\n]\n');
    const size = fs.fstatSync(this.fd).size;
    fs.closeSync(this.fd);
    this.parts.push({ url: `${this.baseUrl}entries-${String(this.parts.length + 1).padStart(4, '0')}.json`, count: this.count, bytes: size });
    this.fd = undefined;
  }
}
