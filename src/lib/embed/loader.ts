/**
 * The host page's side of embedding: built into the site's `embed.js` (one small script, its
 * gzipped size in bench/budgets.json) by the `storymap:embed-loader` plugin of vite.config.ts,
 * from this module and the message protocol the story speaks (protocol.ts). Paste on the host
 * page (docs/embedding.md):
 *
 *   <div data-storymap-src="https://stories.example.org/huawei/embed/"></div>
 *   <script src="https://stories.example.org/huawei/embed.js" async></script>
 *
 * For each such element it makes (or reuses) the iframe. When the story says hello, it answers
 * "sticky" if nothing around the element stops `position: sticky`, else "contained"; a story
 * unrolled on request (`data-storymap-layout="stacked"`) gets a frame as tall as its content.
 * In sticky mode the element becomes as tall as the story, the iframe is pinned to the
 * viewport, and the scroll offset goes to the story on every frame in which the page scrolls,
 * so the reader scrolls the article as usual and the story follows. The active step arrives
 * as a `storymap:step` DOM event on the element, and in its `data-storymap-step` attribute.
 *
 * A message counts only if it comes from that element's iframe, from an allowed origin (the
 * story's own, plus `data-allowed-origins`; "*" only if listed there), and reads as one of the
 * protocol's (readChildMessage). Nothing here navigates or writes markup.
 */
import { originAllowed, readChildMessage, toWire, type HostMessage } from './protocol';

/** Below this a reported height is no story's: ignored. */
const LEAST_HEIGHT = 100;

/** Whether any ancestor clips or scrolls, which stops `position: sticky` from working. */
function canStick(element: Element): boolean {
  for (let node = element.parentElement; node && node !== document.documentElement;) {
    const style = getComputedStyle(node);
    if (/(hidden|auto|scroll|overlay)/.test(`${style.overflowX} ${style.overflowY}`)) return false;
    node = node.parentElement;
  }
  return true;
}

function init(element: HTMLElement): void {
  if (element.hasAttribute('data-storymap-ready')) return;
  element.setAttribute('data-storymap-ready', '');
  let src: URL;
  try {
    src = new URL(element.getAttribute('data-storymap-src') ?? '', location.href);
  } catch {
    return;
  }
  if (src.protocol !== 'https:' && src.protocol !== 'http:') return;
  const allowed = [
    src.origin,
    ...(element.getAttribute('data-allowed-origins') ?? '').split(/[\s,]+/).filter(Boolean),
  ];
  // data-storymap-layout="stacked": the story unrolled, the frame as tall as its content.
  if (element.getAttribute('data-storymap-layout') === 'stacked') {
    src.searchParams.set('layout', 'stacked');
  }
  let iframe = element.querySelector('iframe');
  if (!iframe) {
    iframe = document.createElement('iframe');
    iframe.src = src.href;
    iframe.title = element.getAttribute('data-storymap-title') || 'Story map';
    iframe.setAttribute('loading', 'lazy');
    element.appendChild(iframe);
  }
  const frameElement = iframe;
  frameElement.style.display = 'block';
  frameElement.style.width = '100%';
  frameElement.style.border = '0';
  if (!frameElement.style.height) {
    frameElement.style.height = element.getAttribute('data-storymap-height') || '85vh';
  }

  let mode: 'sticky' | 'contained' | 'stacked' = 'contained';
  let storyOrigin: string | undefined;
  let height = 0;
  let frame = 0;
  let stuck = false;

  function post(message: HostMessage): void {
    if (storyOrigin && frameElement.contentWindow) {
      frameElement.contentWindow.postMessage(toWire(message), storyOrigin);
    }
  }
  const furthest = () => Math.max(0, height - window.innerHeight);
  function sendScroll(): void {
    frame = 0;
    const y = Math.min(Math.max(-element.getBoundingClientRect().top, 0), furthest());
    post({ type: 'scroll', y, viewport: window.innerHeight });
  }
  // Browsers fire scroll at most once a frame: send at once, so the story moves in the same
  // frame as the page. Resizes and height changes are coalesced into one frame.
  function onScroll(): void {
    cancelAnimationFrame(frame);
    sendScroll();
  }
  function later(): void {
    if (!frame) frame = requestAnimationFrame(sendScroll);
  }
  function size(): void {
    element.style.height = `${Math.max(height, window.innerHeight)}px`;
  }
  function stick(): void {
    if (stuck) return;
    stuck = true;
    element.style.position = 'relative';
    frameElement.style.position = 'sticky';
    frameElement.style.top = '0';
    frameElement.style.height = CSS.supports('height', '100dvh') ? '100dvh' : '100vh';
    size();
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', later);
  }

  window.addEventListener('message', (event) => {
    if (event.source !== frameElement.contentWindow) return;
    if (!originAllowed(event.origin, allowed)) return;
    const message = readChildMessage(event.data);
    if (!message) return;
    if (message.type === 'hello') {
      storyOrigin = event.origin;
      const unrolled = message.modes.length === 1 && message.modes[0] === 'stacked';
      mode = unrolled ? 'stacked' : canStick(element) ? 'sticky' : 'contained';
      element.setAttribute('data-storymap-mode', mode);
      // A stacked story needs no answer: it runs unrolled whatever the host says.
      if (mode !== 'stacked') post({ type: 'hello-ack', mode });
      if (mode === 'sticky') {
        stick();
        onScroll();
      }
      return;
    }
    if (event.origin !== storyOrigin) return;
    if (message.type === 'height') {
      if (message.height < LEAST_HEIGHT) return;
      if (mode === 'stacked') {
        frameElement.style.height = `${Math.ceil(message.height)}px`;
      } else if (mode === 'sticky') {
        height = message.height;
        size();
        later();
      }
    } else if (message.type === 'step') {
      element.setAttribute('data-storymap-step', message.id);
      element.dispatchEvent(
        new CustomEvent('storymap:step', {
          bubbles: true,
          detail: { index: message.index, id: message.id },
        })
      );
    } else if (mode === 'sticky') {
      // A scroll request: the reader moved focus inside the story; keep it in view.
      const top = element.getBoundingClientRect().top + window.scrollY;
      window.scrollTo(0, top + Math.min(message.y, furthest()));
    }
  });
}

function scan(): void {
  document.querySelectorAll<HTMLElement>('[data-storymap-src]').forEach(init);
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
else scan();
