// @mozilla/readability 0.6.0 over jsdom: one JSON line per page ({id, text, headline, authors, published}).
// Usage: node readability.mjs FILE...   (PAGE_URLS=FILE, lines "id<TAB>url", gives the pages' addresses)
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { basename } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';

const quiet = new VirtualConsole();
const urls = new Map((process.env.PAGE_URLS ? readFileSync(process.env.PAGE_URLS, 'utf8').split('\n') : [])
  .map((l) => l.split('\t')).filter((p) => p.length === 2));
const started = Date.now();
const files = process.argv.slice(2);
for (const file of files) {
  const id = basename(file).replace(/\.gz$/, '').replace(/\.html$/, '');
  let bytes = readFileSync(file);
  if (file.endsWith('.gz')) bytes = gunzipSync(bytes);
  const record = { id, text: '' };
  try {
    const dom = new JSDOM(bytes.toString('utf8'), { url: urls.get(id) ?? 'https://example.com/', virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    if (article) {
      record.text = article.textContent ?? '';
      record.headline = article.title ?? null;
      record.authors = article.byline ? [article.byline] : [];
      record.published = article.publishedTime ?? null;
    }
    dom.window.close();
  } catch (e) {
    record.error = String(e);
  }
  process.stdout.write(JSON.stringify(record) + '\n');
}
process.stderr.write(`readability: ${files.length} pages in ${((Date.now() - started) / 1000).toFixed(2)} s\n`);
