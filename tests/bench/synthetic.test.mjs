// Unit checks for the benchmark's synthetic dataset: node --test tests/bench/synthetic.test.mjs
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bundled, shiftDay, synthetic, titlePrefix } from './synthetic.mjs';

const base = bundled();
const metrics = (d) => d.activities.flatMap((a) => a.metrics);
const evidence = (d) => [
  ...d.activities.flatMap((a) => [...a.evidence, ...(a.time?.evidence ?? []), ...a.metrics.flatMap((m) => m.evidence ?? [])]),
  ...d.events.flatMap((e) => e.evidence),
  ...d.outcomes.flatMap((o) => [o.evidence, ...(o.time?.evidence ?? [])]),
];

/** What the browser checks: unique ids, references that resolve, quotes at their offsets. */
function integrity(d) {
  const ids = [...d.activities.map((a) => a.id), ...metrics(d).map((m) => m.id), ...d.events.map((e) => e.id), ...d.outcomes.map((o) => o.id)];
  assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  const activities = new Set(d.activities.map((a) => a.id));
  const sectors = new Set(d.sectors.map((s) => s.id));
  const places = new Set(d.places.map((p) => p.id));
  const measures = new Set(d.measures.map((m) => m.id));
  const reports = new Set(d.reports.map((r) => r.id));
  const paragraphs = new Map(d.reports.flatMap((r) => r.paragraphs.map((p) => [p.id, p.text])));
  for (const a of d.activities) {
    assert.ok(reports.has(a.report), a.id);
    assert.ok(sectors.has(a.sector), a.id);
    for (const t of a.tags) assert.ok(sectors.has(t), a.id);
    for (const p of a.places) assert.ok(places.has(p), a.id);
    for (const m of a.metrics) if (m.measure !== undefined) assert.ok(measures.has(m.measure), m.id);
  }
  for (const e of d.events) assert.ok(activities.has(e.activity), e.id);
  const answered = new Set();
  for (const o of d.outcomes) {
    for (const a of o.activities) {
      assert.ok(activities.has(a), o.id);
      assert.ok(!answered.has(a), `${a}: one outcome an activity`);
      answered.add(a);
    }
  }
  for (const ev of evidence(d)) {
    const text = paragraphs.get(ev.paragraph);
    assert.ok(text !== undefined, ev.paragraph);
    assert.equal([...text].slice(ev.start, ev.end).join(''), ev.quote);
  }
}

test('times = 1 is the bundled dataset unchanged', () => {
  assert.deepEqual(synthetic(1), base);
});

test('shiftDay moves the day within its month and leaves coarser dates', () => {
  assert.equal(shiftDay('2006-09-29', 0), '2006-09-29');
  assert.equal(shiftDay('2006-09-11', 5), '2006-09-16');
  assert.equal(shiftDay('2006-09-29', 27), '2006-09-30');
  assert.equal(shiftDay('2006-02-20', 15), '2006-02-28');
  assert.equal(shiftDay('2008-02-20', 15), '2008-02-29');
  assert.equal(shiftDay('2006-03', 9), '2006-03');
  assert.equal(shiftDay('2006', 9), '2006');
});

for (const times of [2, 10, 100]) {
  test(`×${times}: counts, ids, references, quotes, dates, label`, () => {
    const d = synthetic(times);
    integrity(d);
    assert.equal(d.activities.length, base.activities.length * times);
    assert.equal(metrics(d).length, metrics(base).length * times);
    assert.equal(d.events.length, base.events.length * times);
    assert.equal(d.outcomes.length, base.outcomes.length * times);
    assert.equal(d.dataset.id, `synthetic-x${times}`);
    assert.ok(d.dataset.title.startsWith(titlePrefix(times)));
    assert.ok(d.dataset.title.startsWith(`SYNTHETIC (×${times}, generated for benchmarks; not the report's data)`));
    // Everything but activities and events (and the dataset's label) is the bundled dataset's.
    for (const k of ['schema_version', 'reports', 'sectors', 'measures', 'places']) assert.deepEqual(d[k], base[k], k);
    // Quotes unchanged: every copy's evidence is the bundled record's.
    const quotes = (x) => x.activities.map((a) => JSON.stringify(a.evidence)).concat(x.events.map((e) => JSON.stringify(e.evidence)));
    const baseQuotes = quotes(base);
    const copies = quotes({ activities: d.activities.slice(0, base.activities.length), events: d.events.slice(0, base.events.length) });
    assert.deepEqual(copies, baseQuotes);
    for (let i = 0; i < d.activities.length; i++) {
      assert.deepEqual(d.activities[i].evidence, base.activities[i % base.activities.length].evidence);
    }
    for (let i = 0; i < d.events.length; i++) assert.deepEqual(d.events[i].evidence, base.events[i % base.events.length].evidence);
    // Copy k: ids suffixed -s{k} (copy 0 keeps the bundled ids); days moved by k mod 28, clamped.
    const n = base.activities.length, ne = base.events.length;
    for (let k = 0; k < times; k++) {
      const suffix = k === 0 ? '' : `-s${k}`;
      for (let i = 0; i < n; i++) {
        const a = d.activities[k * n + i], b = base.activities[i];
        assert.equal(a.id, b.id + suffix);
        a.metrics.forEach((m, j) => assert.equal(m.id, b.metrics[j].id + suffix));
        assert.equal(a.time.start, shiftDay(b.time.start, k % 28));
        assert.equal(a.time.end, b.time.end === undefined ? undefined : shiftDay(b.time.end, k % 28));
        if (b.time.start.length < 10) assert.equal(a.time.start, b.time.start);
      }
      for (let i = 0; i < ne; i++) {
        const e = d.events[k * ne + i], b = base.events[i];
        assert.equal(e.id, b.id + suffix);
        assert.equal(e.activity, b.activity + suffix);
        assert.equal(e.date, shiftDay(b.date, k % 28));
        assert.equal(e.date.slice(0, 7), b.date.slice(0, 7), 'same month');
      }
    }
    // The days really are spread (more than one distinct day per dated event once times > 1).
    const days = new Set(d.events.filter((e) => e.date.length === 10).map((e) => e.date));
    assert.ok(days.size > base.events.filter((e) => e.date.length === 10).length);
  });
}

test('the bundled file is not touched', () => {
  synthetic(10).activities[0].title = 'changed';
  assert.deepEqual(bundled(), base);
  assert.notEqual(synthetic(1).activities[0].title, 'changed');
});

test('another base dataset (a build\'s copy) is used as given and left untouched', () => {
  const other = bundled();
  other.dataset.title = 'An older build';
  const before = structuredClone(other);
  assert.deepEqual(synthetic(1, other), other);
  const d = synthetic(3, other);
  assert.ok(d.dataset.title.endsWith('An older build'));
  assert.equal(d.activities.length, other.activities.length * 3);
  integrity(d);
  assert.deepEqual(other, before);
});
