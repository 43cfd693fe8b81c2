// An independent oracle for the date filter, written from its rule, not from the app's code:
// an activity is listed for a month range when its date, as precisely as the report gives it,
// lies inside the range (a day or month in it, or a period certain to run through it); the
// ones only loosely dated ("2006") are counted apart.
import { dataset } from './helpers.mjs';

const daysIn = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const first = (d) => { const [y, m, dd] = d.split('-').map(Number); return [y, m ?? 1, dd ?? 1]; };
const last = (d) => {
  const [y, m, dd] = d.split('-').map(Number);
  const mm = m ?? 12;
  return [y, mm, dd ?? daysIn(y, mm)];
};
const cmp = (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** 'inside', 'loose' or 'outside' for months [from, to], each [year, month]. */
export function fit(a, from, to) {
  const lo = [from[0], from[1], 1];
  const hi = [to[0], to[1], daysIn(to[0], to[1])];
  const inRange = (d) => cmp(first(d), lo) >= 0 && cmp(last(d), hi) <= 0;
  const start = a.time.start;
  const end = a.time.end ?? start;
  if (inRange(start) || inRange(end)) return 'inside';
  if (a.time.end) {
    const sure = [last(start), first(end)];
    if (cmp(sure[0], sure[1]) <= 0 && cmp(sure[0], hi) <= 0 && cmp(sure[1], lo) >= 0) return 'inside';
  }
  return cmp(last(end), lo) >= 0 && cmp(first(start), hi) <= 0 ? 'loose' : 'outside';
}

export const datedInside = (from, to) => dataset.activities.filter((a) => fit(a, from, to) === 'inside');
export const looselyDated = (from, to) => dataset.activities.filter((a) => fit(a, from, to) === 'loose');
