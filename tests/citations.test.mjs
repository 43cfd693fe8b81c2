// The citations the "Cite" dialog writes parse in reference managers' own parsers: BibTeX in
// @retorquere/bibtex-parser (the parser of Better BibTeX for Zotero) and in citation-js, RIS in
// citation-js's RIS plugin, CSL-JSON in citation-js and rendered by its CSL processor
// (citeproc-js, APA) — for the report and for a filtered view, as `dataset cite` prints them
// (the same pure functions the page calls). Run: node --test tests/citations.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';

const repo = new URL('..', import.meta.url).pathname;
const dataset = JSON.parse(
  (await import('node:fs')).readFileSync(new URL('../public/data/kazakhstan-2006.json', import.meta.url), 'utf8'));
const report = dataset.reports[0];

/** The citations of the report and of the view `query`, in every format. */
function cite(query, url) {
  const args = ['run', '-q', '--bin', 'dataset', '--', 'cite', 'public/data/kazakhstan-2006.json', query];
  if (url) args.push(url, '2026-12-05');
  const out = spawnSync('cargo', args, { cwd: repo, encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  return JSON.parse(out.stdout);
}

// A filtered view whose address and caption carry characters BibTeX and RIS treat specially.
const QUERY = 'sector=media&result=not_achieved&q=50%25+%7Bamendments%7D+%26+co_';
const URL_ = 'https://example.org/explorer/?sector=media&result=not_achieved&q=50%25+%7Bamendments%7D+%26+co_';
const views = { whole: cite(''), filtered: cite(QUERY, URL_) };

/** One BibTeX entry through Better BibTeX's parser: no error, one entry. */
function bibtexEntry(text) {
  const lib = parseBibtex(text);
  assert.deepEqual(lib.errors, [], JSON.stringify(lib.errors));
  assert.equal(lib.entries.length, 1);
  return lib.entries[0];
}

/** One item through citation-js, from the named input format (CSL-JSON: read as JSON first). */
function citeItem(text, type) {
  const input = type.startsWith('@csl/') ? JSON.parse(text) : text;
  const data = plugins.input.chain(input, { forceType: type, generateGraph: false });
  assert.equal(data.length, 1, `${type}: one item`);
  return data[0];
}

test('the report in BibTeX: the State Department as author, the year it came out, title, address', () => {
  const e = bibtexEntry(views.whole.report.bibtex);
  assert.equal(e.type, 'techreport');
  assert.equal(e.key, report.id);
  assert.deepEqual(e.fields.author, [{ name: report.author }], 'a corporate (literal) author');
  assert.equal(e.fields.title, report.title);
  assert.equal(e.fields.year, report.published);
  assert.equal(e.fields.url, report.source_url);
  const item = citeItem(views.whole.report.bibtex, '@biblatex/text');
  assert.equal(item.title, report.title);
  assert.equal(item.author[0].literal ?? item.author[0].family, report.author);
});

test('the report in RIS and CSL-JSON, and as APA from the CSL', () => {
  const ris = citeItem(views.whole.report.ris, '@ris/file');
  assert.equal(ris.type, 'report');
  assert.equal(ris.title, report.title);
  assert.match(JSON.stringify(ris.author), /U\.S\. Department of State/);
  assert.equal(ris.issued['date-parts'][0][0], Number(report.published));
  assert.equal(ris.URL, report.source_url);
  const csl = citeItem(views.whole.report['csl-json'], '@csl/list+object');
  assert.equal(csl.type, 'report');
  assert.equal(csl.author[0].literal, report.author);
  const apa = new Cite(JSON.parse(views.whole.report['csl-json'])).format('bibliography', { template: 'apa', format: 'text' });
  assert.match(apa, /^U\.S\. Department of State\. \(2007\)\. Supporting Human Rights and Democracy/);
  assert.ok(apa.includes(report.source_url), apa);
});

for (const [name, v] of Object.entries(views)) {
  test(`the ${name} view is cited as a dataset with its version, address and access date`, () => {
    const url = name === 'whole' ? 'https://example.org/explorer/' : URL_;
    const e = bibtexEntry(v.view.bibtex);
    assert.equal(e.type, 'dataset');
    assert.equal(e.fields.title, dataset.dataset.title);
    assert.equal(e.fields.version, dataset.dataset.version);
    assert.equal(e.fields.url, url);
    assert.equal(e.fields.urldate, '2026-12-05');
    if (name === 'filtered') assert.match(e.fields.note, /^View: Media freedom only · matching “50% \{amendments\} & co_” · outcome: Not achieved\./);
    const fromBib = citeItem(v.view.bibtex, '@biblatex/text');
    assert.equal(fromBib.URL, url);
    const ris = citeItem(v.view.ris, '@ris/file');
    assert.equal(ris.type, 'dataset');
    assert.equal(ris.title, dataset.dataset.title);
    assert.equal(ris.URL, url);
    assert.deepEqual(ris.accessed['date-parts'][0], [2026, 12, 5]);
    const csl = citeItem(v.view['csl-json'], '@csl/list+object');
    assert.equal(csl.type, 'dataset');
    assert.equal(csl.version, dataset.dataset.version);
    assert.equal(csl.URL, url);
    assert.deepEqual(csl.accessed['date-parts'][0], [2026, 12, 5]);
    const apa = new Cite(JSON.parse(v.view['csl-json'])).format('bibliography', { template: 'apa', format: 'text' });
    assert.ok(apa.includes(dataset.dataset.title) && apa.includes(url), apa);
    assert.ok(v.view.text.endsWith(`${url} Accessed 2026-12-05.`), v.view.text);
  });
}
