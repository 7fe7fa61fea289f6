/**
 * The step navigation (controls/StepNav.svelte) mounted in jsdom: what each link says, and how
 * a long story's list is marked for its layout (jsdom lays nothing out: the screenshots of a
 * generated long story, npm run bench's long stories, show the layout itself).
 */
import { flushSync, mount } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import StepNav from '../../src/lib/controls/StepNav.svelte';
import { reactive } from './reactive.svelte';
import { useComponentPage } from './setup';

const stepsOf = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ id: `s${i}`, title: `Title ${i}` }));

describe('the step navigation', () => {
  const page = useComponentPage(800);

  function render(count: number, enhanced: boolean, active = 0) {
    const props = reactive({ steps: stepsOf(count), active, progress: 0, enhanced, onGo: vi.fn() });
    page.track(mount(StepNav, { target: document.body, props }));
    flushSync();
    const nav = document.querySelector<HTMLElement>('[data-testid="step-nav"]')!;
    const list = nav.querySelector<HTMLElement>('ol')!;
    return { props, nav, list };
  }

  it('names each link by its place in the story and its title, and shows its number', () => {
    render(3, false);
    const links = [...document.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('aria-label'))).toEqual([
      'Step 1 of 3: Title 0',
      'Step 2 of 3: Title 1',
      'Step 3 of 3: Title 2',
    ]);
    expect(links.map((a) => a.textContent)).toEqual(['1', '2', '3']);
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#s0', '#s1', '#s2']);
  });

  it('keeps a long list around the step being read once the script runs', () => {
    const { props, nav, list } = render(200, true, 120);
    expect(nav.classList.contains('windowed')).toBe(true);
    expect(list.style.getPropertyValue('--active')).toBe('120');
    expect(list.style.getPropertyValue('--count')).toBe('200');
    props.active = 7;
    flushSync();
    expect(list.style.getPropertyValue('--active')).toBe('7');
  });

  it('marks the step being read and those before it, as the reader moves either way', () => {
    const { props } = render(6, true, 2);
    const state = () =>
      [...document.querySelectorAll('li')].map((li) => {
        const a = li.querySelector('a')!;
        const current = a.getAttribute('aria-current') === 'step' && a.tabIndex === 0;
        return current && li.classList.contains('active')
          ? 'current'
          : li.classList.contains('done')
            ? 'done'
            : 'ahead';
      });
    expect(state()).toEqual(['done', 'done', 'current', 'ahead', 'ahead', 'ahead']);
    props.active = 5;
    flushSync();
    expect(state()).toEqual(['done', 'done', 'done', 'done', 'done', 'current']);
    props.active = 0;
    flushSync();
    expect(state()).toEqual(['current', 'ahead', 'ahead', 'ahead', 'ahead', 'ahead']);
    expect(document.querySelectorAll('a[tabindex="0"]')).toHaveLength(1);
  });

  it('without the script, is a plain list from the first step', () => {
    const { nav, list } = render(200, false, 120);
    expect(nav.classList.contains('windowed')).toBe(false);
    expect(list.style.getPropertyValue('--active')).toBe('0');
    expect(document.querySelectorAll('a[tabindex]')).toHaveLength(0);
  });

  it.each([
    [12, false],
    [30, false],
    [31, true],
  ])('draws a phone’s bar of %i steps without gaps: %s', (count, dense) => {
    expect(render(count, true).nav.classList.contains('dense')).toBe(dense);
  });
});
