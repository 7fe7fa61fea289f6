/**
 * The page's static sections as HTML (see html.ts for why): each step's prose, static maps and
 * sources, the overview map, the list of sources and credits, and the timeline's tables, all
 * in {@link pageSections}. Only the server (and the dev page) runs this module: `virtual:story`
 * hands it to the page there, and the built page's script neither loads it nor the fields of
 * the story it reads (story/browser.ts).
 */
import { NARROW_MEDIA } from '../layout';
import { overviewDescription, staticMapDescription } from '../state/narration';
import { NARROW_STATIC_MAP_SIZE, STATIC_MAP_SIZE } from '../static-map/sizes';
import { citationNames, sourceDate } from '../story/citations';
import { formatDate } from '../story/dates';
import type { Story } from '../story/types';
import { EVENT_KIND_NAMES, chartUi } from '../chart-strings';
import { STATUS_NAMES, ui } from '../strings';
import { html, type Markup } from './html';

/** A static map, drawn for a narrow column on phones so its labels stay readable. */
function picture(wide: string, narrow: string, alt: string, lazy: boolean): Markup {
  return html`<picture
    ><source
      media="${NARROW_MEDIA}"
      srcset="${narrow}"
      width="${NARROW_STATIC_MAP_SIZE.width}"
      height="${NARROW_STATIC_MAP_SIZE.height}" />
    <img
      class="static-map"
      src="${wide}"
      alt="${alt}"
      width="${STATIC_MAP_SIZE.width}"
      height="${STATIC_MAP_SIZE.height}"
      ${lazy ? html` loading="lazy"` : ''}
  /></picture>`;
}

/**
 * A static map where the live one cannot run: in the unrolled layout and in print (hidden,
 * lazy: never fetched otherwise), and, when `withoutScript`, for readers without JavaScript.
 */
function alternatives(draw: (lazy: boolean) => Markup, withoutScript: boolean): Markup {
  return html`<div class="live-alternative">${draw(true)}</div>
    ${withoutScript && html`<noscript>${draw(false)}</noscript>`}`;
}

/** The whole route, above the steps, where the live map cannot run. */
function overviewMaps(story: Story, assets: string): string {
  const draw = (lazy: boolean) =>
    html`<figure class="overview">
      ${picture(`${assets}/overview.svg`, `${assets}/overview-narrow.svg`, overviewDescription(story), lazy)}
      <figcaption>${ui.page.overview}</figcaption>
    </figure>`;
  return alternatives(draw, true).value;
}

/** Whether a step's map differs from the previous step's (without JavaScript, only those show). */
function viewChanges(story: Story, index: number): boolean {
  const before = story.steps[index - 1];
  return !before || JSON.stringify(story.steps[index]!.map) !== JSON.stringify(before.map);
}

/** What follows a step's text on its card: its static maps, then its sources. */
function stepExtras(story: Story, index: number, assets: string): string {
  const step = story.steps[index]!;
  const alt = staticMapDescription(story, index);
  const draw = (lazy: boolean) =>
    picture(`${assets}/maps/${step.id}.svg`, `${assets}/maps/narrow/${step.id}.svg`, alt, lazy);
  const names = citationNames(story, step.sources);
  const links = step.sources.map(
    (id, i) =>
      html`${i > 0 ? '; ' : ''}<a href="#source-${id}" target="_self">${names.get(id) ?? id}</a>`
  );
  const sources =
    links.length > 0 && html`<p class="step-sources">${ui.page.stepSources} ${links}</p>`;
  return html`${alternatives(draw, viewChanges(story, index))}${sources}`.value;
}

/** Every source, each with the anchor the steps link to; then the credits. */
function sourcesAndCredits(story: Story): string {
  const items = story.sources.map((source) => {
    const title = source.url
      ? html`<a href="${source.url}" rel="noopener noreferrer">${source.title}</a>`
      : html`<cite>${source.title}</cite>`;
    const note = source.note && html` <span class="note">${source.note}</span>`;
    return html`<li id="source-${source.id}">
      <strong>${source.outlet}</strong>, ${title}, ${sourceDate(source)}.${note}
    </li>`;
  });
  const credits = story.meta.credits.map((credit) => html`<li>${credit}</li>`);
  return html`<h2>${ui.page.sources}</h2>
    <ol class="sources">
      ${items}
    </ol>
    <h2>${ui.page.credits}</h2>
    <ul class="credits">
      ${credits}
    </ul>`.value;
}

/** The timeline's data as two tables, for screen readers and the page without JavaScript. */
function timelineTables(story: Story): string {
  const outlets = new Map(story.sources.map((source) => [source.id, source.outlet]));
  const namesOf = (ids: readonly string[]) => ids.map((id) => outlets.get(id) ?? id).join('; ');
  const region = story.meta.region;
  const columns = chartUi.timeline.columns;
  const head = (names: string[]) =>
    html`<thead>
      <tr>
        ${names.map((name) => html`<th scope="col">${name}</th>`)}
      </tr>
    </thead>`;

  const events = story.events
    .toSorted((a, b) => a.date.date.localeCompare(b.date.date))
    .map(
      (event) =>
        html`<tr data-event-id="${event.id}">
          <td>${formatDate(event.date)}</td>
          <td>${event.label}${event.note ? ` (${event.note})` : ''}</td>
          <td>${EVENT_KIND_NAMES[event.kind]}</td>
          <td>${namesOf(event.sources)}</td>
        </tr>`
    );
  const presence = story.companies.flatMap((company) => {
    const name = html`<th scope="row">${company.name}</th>`;
    if (company.presence.length === 0) {
      return [
        html`<tr data-company-id="${company.id}">
          ${name}
          <td>${chartUi.timeline.noneSourced}</td>
          <td>${company.note ?? ''}</td>
          <td></td>
        </tr>`,
      ];
    }
    return company.presence.map((period) => {
      const to = period.to ? formatDate(period.to) : ui.dates.noEnd;
      const status = `${STATUS_NAMES[period.status]}${period.note ? `: ${period.note}` : ''}`;
      return html`<tr data-company-id="${company.id}">
        ${name}
        <td>${ui.dates.range(formatDate(period.from), to)}</td>
        <td>${status}</td>
        <td>${namesOf(period.sources)}</td>
      </tr>`;
    });
  });
  return html`<table class="visually-hidden">
      <caption>
        ${chartUi.timeline.eventsCaption}
      </caption>
      ${head([columns.date, columns.event, columns.kind, columns.sources])}
      <tbody>
        ${events}
      </tbody>
    </table>
    <table class="visually-hidden">
      <caption>
        ${chartUi.timeline.presenceCaption(region)}
      </caption>
      ${head([columns.company, columns.period, columns.status, columns.sources])}
      <tbody>
        ${presence}
      </tbody>
    </table>`.value;
}

/**
 * The HTML of everything on the page that its script never changes. Where the page gets
 * none (the built page's script), the server's HTML stays as it was served.
 */
export interface PageSections {
  /** The whole route, above the steps, where the live map cannot run. */
  overview: string;
  /** Each step's prose (`text`, the story's Markdown made safe) and what follows it on its card. */
  steps: { text: string; extras: string }[];
  /** Every source and the credits. */
  footer: string;
  /** The timeline's data as tables, for screen readers and the page without JavaScript. */
  tables: string;
}

/** The page's static sections, for a page whose static files are under `assets`. */
export function pageSections(story: Story, assets: string): PageSections {
  return {
    overview: overviewMaps(story, assets),
    steps: story.steps.map((step, index) => ({
      text: step.html,
      extras: stepExtras(story, index, assets),
    })),
    footer: sourcesAndCredits(story),
    tables: timelineTables(story),
  };
}
