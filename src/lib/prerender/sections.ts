/**
 * The page's static sections: each step's prose, static maps and sources, the overview map,
 * the list of sources and credits, the timeline's tables, and the story's data for the page's
 * script, all in {@link pageSections}.
 * Svelte renders them from this folder's components (static-html.ts), as markup the page
 * holds in `{@html}` blocks. Only the server (and the dev page) runs this module:
 * `virtual:story` hands it to the page there, and the built page's script loads neither it nor
 * the fields of the story it reads (story/browser.ts); Svelte keeps the server's HTML of those
 * blocks when the page comes to life (StoryPage.svelte says how).
 */
import { overviewDescription } from '../state/narration';
import { staticHtml } from '../static-html';
import { storyDataHtml } from '../story/browser';
import type { MediaSizes } from '../story/media';
import type { Story } from '../story/types';
import { ui } from '../strings';
import LayoutMark from './LayoutMark.svelte';
import SourcesAndCredits from './SourcesAndCredits.svelte';
import StaticAlternative from './StaticAlternative.svelte';
import StepExtras from './StepExtras.svelte';
import TimelineTables from './TimelineTables.svelte';

/**
 * The HTML of everything on the page that its script never changes. Where the page gets
 * none (the built page's script), the server's HTML stays as it was served.
 */
export interface PageSections {
  /**
   * The whole route, above the steps, where the live map cannot run; and the mark of the
   * story's layout (LayoutMark.svelte).
   */
  overview: string;
  /** Each step's prose (`text`, the story's Markdown made safe) and what follows it on its card. */
  steps: { text: string; extras: string }[];
  /** Every source and the credits. */
  footer: string;
  /** The timeline's data as tables, for screen readers and the page without JavaScript. */
  tables: string;
  /** The story's data for the page's script (story/browser.ts), at the end of the page. */
  data: string;
}

/**
 * The page's static sections, for a page whose static files are under `assets`, with the
 * build's measure of each step image.
 */
export function pageSections(story: Story, assets: string, media: MediaSizes): PageSections {
  return {
    overview:
      staticHtml(LayoutMark, { layout: story.layout }) +
      staticHtml(StaticAlternative, {
        picture: {
          wide: `${assets}/overview.svg`,
          narrow: `${assets}/overview-narrow.svg`,
          alt: overviewDescription(story),
        },
        caption: ui.page.overview,
        withoutScript: true,
      }),
    steps: story.steps.map((step, index) => ({
      text: step.html,
      extras: staticHtml(StepExtras, { story, index, assets, media }),
    })),
    footer: staticHtml(SourcesAndCredits, { story }),
    tables: staticHtml(TimelineTables, { story }),
    data: storyDataHtml(story),
  };
}
