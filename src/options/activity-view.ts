// Activity over the last 90 days: four small bar charts (one per count, so each has its own scale
// and none hides another), each an SVG with a text alternative, plus the same numbers as a table
// and as a CSV download. Counts only (src/activity/activity.ts).
import { fill, h, svg } from './dom';
import * as M from './messages';
import type { OptionsServices } from './services';
import { dayTotals, type DayActivity } from '../activity/activity';
import { dayKey } from '../activity/days';

export const SERIES = ['warningsShown', 'sentAfterWarning', 'editedAfterWarning', 'fixesUsed'] as const;
export type SeriesKey = (typeof SERIES)[number];

export interface ActivitySeries {
  key: SeriesKey;
  label: string;
  /** One value per day, oldest first. */
  values: number[];
  total: number;
  busiest?: { day: string; count: number };
}

/** The four series of the chart, from the days `getActivity` returns (oldest first). */
export function activitySeries(days: readonly DayActivity[]): ActivitySeries[] {
  const totals = days.map(dayTotals);
  return SERIES.map((key) => {
    const values = totals.map((t) => t[key]);
    const total = values.reduce((a, b) => a + b, 0);
    let busiest: ActivitySeries['busiest'];
    values.forEach((count, i) => {
      if (count > 0 && (!busiest || count > busiest.count)) busiest = { day: days[i]!.date, count };
    });
    return { key, label: M.activity.series[key], values, total, ...(busiest && { busiest }) };
  });
}

const BAR = 4;
const GAP = 1;
const HEIGHT = 48;

function barChart(series: ActivitySeries, index: number): SVGSVGElement {
  const max = Math.max(1, ...series.values);
  const width = series.values.length * (BAR + GAP);
  const titleId = `activity-chart-${index}-title`;
  return svg('svg', {
    class: 'ss-chart__svg',
    viewBox: `0 0 ${width} ${HEIGHT + 1}`,
    preserveAspectRatio: 'none',
    role: 'img',
    'aria-labelledby': titleId,
    focusable: 'false',
  },
    svg('title', { id: titleId }, M.activity.chartLabel(series.label, series.total, series.busiest)),
    svg('line', { class: 'ss-chart__axis', x1: 0, x2: width, y1: HEIGHT + 0.5, y2: HEIGHT + 0.5 }),
    series.values.map((value, i) => {
      if (value === 0) return null;
      const height = Math.max(2, Math.round((value / max) * HEIGHT));
      return svg('rect', { class: 'ss-chart__bar', x: i * (BAR + GAP), y: HEIGHT - height, width: BAR, height });
    }),
  );
}

export interface ActivityView {
  element: HTMLElement;
  refresh(): Promise<void>;
}

export function activityView(services: OptionsServices): ActivityView {
  const charts = h('div', { class: 'ss-charts' });
  const details = h('details', { class: 'nhsuk-details ss-activity-table' });
  const download = h('button', { class: 'nhsuk-button nhsuk-button--secondary', type: 'button', 'aria-describedby': 'activity-download-hint' }, M.activity.download);
  const status = h('p', { class: 'ss-add-status', role: 'status' });
  const element = h('section', { class: 'ss-section', id: 'activity', 'aria-labelledby': 'activity-heading' },
    h('h2', { class: 'nhsuk-heading-m', id: 'activity-heading' }, M.sections.activity.heading),
    h('p', {}, M.sections.activity.intro),
    charts,
    details,
    h('p', { class: 'nhsuk-hint', id: 'activity-download-hint' }, M.activity.downloadHint),
    download,
    status,
  );

  download.addEventListener('click', async () => {
    const now = services.now();
    try {
      const csv = await services.activityCsv(now);
      const day = dayKey(now);
      services.download(M.activity.fileName(day), csv, 'text/csv');
    } catch {
      status.textContent = M.activity.unavailable;
    }
  });

  return {
    element,
    async refresh() {
      let days: DayActivity[];
      try {
        days = await services.getActivity(services.now());
      } catch {
        fill(charts, h('p', {}, M.activity.unavailable));
        return;
      }
      const series = activitySeries(days);
      const first = days[0]?.date;
      fill(
        charts,
        series.map((s, i) =>
          h('figure', { class: 'ss-chart' },
            h('figcaption', { class: 'ss-chart__caption' }, h('span', { class: 'ss-chart__label' }, s.label), ' ', h('strong', { class: 'ss-chart__total' }, s.total.toLocaleString('en-GB'))),
            barChart(s, i),
            h('div', { class: 'ss-chart__scale', 'aria-hidden': 'true' }, h('span', {}, first ? M.activity.from(first) : ''), h('span', {}, M.activity.to)),
          ),
        ),
      );
      const busyDays = days.filter((_, i) => series.some((s) => s.values[i]! > 0));
      fill(
        details,
        h('summary', { class: 'nhsuk-details__summary' }, h('span', { class: 'nhsuk-details__summary-text' }, M.activity.tableSummary)),
        h('div', { class: 'nhsuk-details__text' },
          busyDays.length === 0
            ? h('p', {}, M.activity.nothing)
            : h('table', {},
                h('caption', {}, M.activity.tableCaption),
                h('thead', {},
                  h('tr', {},
                    h('th', { scope: 'col' }, M.activity.date),
                    series.map((s) => h('th', { class: 'ss-numeric', scope: 'col' }, s.label)),
                  ),
                ),
                h('tbody', {},
                  busyDays.map((day) => {
                    const i = days.indexOf(day);
                    return h('tr', {},
                      h('th', { scope: 'row' }, M.formatDay(day.date)),
                      series.map((s) => h('td', { class: 'ss-numeric' }, s.values[i]!.toLocaleString('en-GB'))),
                    );
                  }),
                  h('tr', { class: 'ss-total-row' },
                    h('th', { scope: 'row' }, M.activity.total),
                    series.map((s) => h('td', { class: 'ss-numeric' }, s.total.toLocaleString('en-GB'))),
                  ),
                ),
              ),
        ),
      );
    },
  };
}
