// The timetables of the plan view: a week by venue (a row per venue, a column per day) and
// a month as a calendar, from the package's occurrences.
import { h, table } from '../dom.mjs';
import { t, date } from '../i18n.mjs';

const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const utc = (isoDate) => Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
/** Monday of the week holding `isoDate`. */
const monday = (isoDate) => { const ms = utc(isoDate); return ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY; };

/** The span of the timetable: the week (Monday to Sunday) or the month of the chosen day. */
export function range({ span, day }) {
  if (span === 'week') {
    const start = monday(day);
    return { from: iso(start), to: iso(start + 6 * DAY) };
  }
  const [y, m] = day.split('-').map(Number);
  return { from: iso(Date.UTC(y, m - 1, 1)), to: iso(Date.UTC(y, m, 0)) };
}

const time = (o) => (o.all_day ? t('plan.allDay') : `${o.start.slice(11, 16)}–${o.end.slice(11, 16)}`);

function session(o, venueName, withVenue) {
  return h('span', { class: 'session', 'data-occurrence': o.id },
    h('strong', {}, time(o)), ' ', o.title,
    withVenue && o.venues.length ? ` @ ${o.venues.map(venueName).join(', ')}` : '',
    o.status === 'cancelled' ? [' ', h('span', { class: 'badge bad' }, t('plan.cancelled'))] : '',
    o.confidential ? [' ', h('span', { class: 'badge warn' }, t('plan.confidential'))] : '');
}

/** The week by venue: a row per venue, a column per day. */
export function weekTable(occurrences, from, caption, venueName, venue) {
  const days = [...Array(7)].map((_, k) => iso(utc(from) + k * DAY));
  const venues = [...new Set(occurrences.flatMap((o) => (o.venues.length ? o.venues : [''])))];
  if (venue && !venues.includes(venue)) venues.push(venue);
  venues.sort();
  const rows = venues.map((v) => [{ th: v ? venueName(v) : t('plan.noVenue') },
    ...days.map((d) => occurrences
      .filter((o) => sameDay(o, d) && (v ? o.venues.includes(v) : !o.venues.length))
      .map((o) => session(o, venueName, false)))]);
  const head = [t('plan.venueCol'), ...days.map((d) => date(d, { weekday: 'short', month: 'numeric', day: 'numeric' }))];
  if (!rows.length) return h('p', {}, t('plan.noSessions'));
  return table({ caption, head, rows, className: 'timetable' });
}

/** All-day sessions span days; a timed one is on its date. */
function sameDay(o, d) {
  if (!o.all_day) return o.date === d;
  return o.date <= d && d < o.end.slice(0, 10);
}

/** The month as a calendar, Monday first, each session with its venue. */
export function monthTable(occurrences, from, to, caption, venueName) {
  const first = monday(from);
  const rows = [];
  for (let week = first; week <= utc(to); week += 7 * DAY) {
    rows.push([...Array(7)].map((_, k) => {
      const d = iso(week + k * DAY);
      const inMonth = d >= from && d <= to;
      return { class: inMonth ? '' : 'muted-day', td: inMonth
        ? [h('div', { class: 'label' }, String(Number(d.slice(8)))), occurrences.filter((o) => sameDay(o, d)).map((o) => session(o, venueName, true))]
        : '' };
    }));
  }
  const head = [...Array(7)].map((_, k) => date(iso(first + k * DAY), { weekday: 'short' }));
  return table({ caption, head, rows, className: 'timetable month' });
}

