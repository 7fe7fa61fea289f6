/*
 * Story map embed loader, v1 (docs/embedding.md). Paste on the host page:
 *
 *   <div data-storymap-src="https://stories.example.org/huawei/embed/"></div>
 *   <script src="https://stories.example.org/huawei/embed.js" async></script>
 *
 * For each such element it makes (or reuses) the iframe. When the story says hello, it answers:
 * "sticky" if nothing around the element stops position: sticky, else "contained"; a story
 * unrolled on request (data-storymap-layout="stacked") gets a frame as tall as its content. In sticky
 * mode the element becomes as tall as the story, the iframe is pinned to the viewport, and the
 * scroll offset goes to the story on every frame in which the page scrolls, so the reader
 * scrolls the article as usual and the story follows. The active step arrives as a
 * `storymap:step` DOM event on the element.
 *
 * A message counts only if it comes from that element's iframe, from an allowed origin (the
 * story's own, plus `data-allowed-origins`; "*" only if listed there), in the exact expected
 * shape, with finite, non-negative, bounded numbers. Nothing here navigates or writes markup.
 */
(function () {
  'use strict';
  var SENTINEL = 'storymap';
  var VERSION = 1;
  var MAX_PIXELS = 1000000;
  var STEP_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

  function pixels(value) {
    return typeof value === 'number' && isFinite(value) && value >= 0
      ? Math.min(value, MAX_PIXELS)
      : undefined;
  }

  /** Whether any ancestor clips or scrolls, which stops position: sticky from working. */
  function canStick(element) {
    for (var node = element.parentElement; node && node !== document.documentElement;) {
      var style = getComputedStyle(node);
      if (/(hidden|auto|scroll|overlay)/.test(style.overflowX + ' ' + style.overflowY))
        return false;
      node = node.parentElement;
    }
    return true;
  }

  function init(element) {
    if (element.hasAttribute('data-storymap-ready')) return;
    element.setAttribute('data-storymap-ready', '');
    var src;
    try {
      src = new URL(element.getAttribute('data-storymap-src'), location.href);
    } catch {
      return;
    }
    if (src.protocol !== 'https:' && src.protocol !== 'http:') return;
    var allowed = [src.origin].concat(
      (element.getAttribute('data-allowed-origins') || '').split(/[\s,]+/).filter(Boolean)
    );
    // data-storymap-layout="stacked": the story unrolled, the frame as tall as its content.
    if (element.getAttribute('data-storymap-layout') === 'stacked') {
      src.searchParams.set('layout', 'stacked');
    }
    var iframe = element.querySelector('iframe');
    if (!iframe) {
      iframe = document.createElement('iframe');
      iframe.src = src.href;
      iframe.title = element.getAttribute('data-storymap-title') || 'Story map';
      iframe.setAttribute('loading', 'lazy');
      element.appendChild(iframe);
    }
    iframe.style.display = 'block';
    iframe.style.width = '100%';
    iframe.style.border = '0';
    if (!iframe.style.height)
      iframe.style.height = element.getAttribute('data-storymap-height') || '85vh';

    var mode = 'contained';
    var storyOrigin = null;
    var height = 0;
    var frame = 0;
    var stuck = false;

    function post(message) {
      if (!storyOrigin || !iframe.contentWindow) return;
      message.sentinel = SENTINEL;
      message.v = VERSION;
      iframe.contentWindow.postMessage(message, storyOrigin);
    }
    function furthest() {
      return Math.max(0, height - window.innerHeight);
    }
    function sendScroll() {
      frame = 0;
      var y = Math.min(Math.max(-element.getBoundingClientRect().top, 0), furthest());
      post({ type: 'scroll', y: y, viewport: window.innerHeight });
    }
    // Browsers fire scroll at most once a frame: send at once, so the story moves in the
    // same frame as the page. Resizes and height changes are coalesced into one frame.
    function onScroll() {
      cancelAnimationFrame(frame);
      sendScroll();
    }
    function later() {
      if (!frame) frame = requestAnimationFrame(sendScroll);
    }
    function size() {
      element.style.height = Math.max(height, window.innerHeight) + 'px';
    }
    function stick() {
      if (stuck) return;
      stuck = true;
      element.style.position = 'relative';
      iframe.style.position = 'sticky';
      iframe.style.top = '0';
      iframe.style.height = '100vh';
      if (window.CSS && CSS.supports('height', '100dvh')) iframe.style.height = '100dvh';
      size();
      window.addEventListener('scroll', onScroll, { passive: true });
      window.addEventListener('resize', later);
    }

    window.addEventListener('message', function (event) {
      if (event.source !== iframe.contentWindow) return;
      if (allowed.indexOf('*') < 0 && allowed.indexOf(event.origin) < 0) return;
      var data = event.data;
      if (!data || typeof data !== 'object' || data.sentinel !== SENTINEL || data.v !== VERSION) {
        return;
      }
      if (data.type === 'hello') {
        storyOrigin = event.origin;
        var unrolled =
          Array.isArray(data.modes) && data.modes.length === 1 && data.modes[0] === 'stacked';
        mode = unrolled ? 'stacked' : canStick(element) ? 'sticky' : 'contained';
        element.setAttribute('data-storymap-mode', mode);
        post({ type: 'hello-ack', mode: mode });
        if (mode === 'sticky') {
          stick();
          onScroll();
        }
      } else if (event.origin !== storyOrigin) {
        return;
      } else if (data.type === 'height') {
        var value = pixels(data.height);
        if (value === undefined || value < 100) return;
        if (mode === 'stacked') {
          iframe.style.height = Math.ceil(value) + 'px';
          return;
        }
        if (mode !== 'sticky') return;
        height = value;
        size();
        later();
      } else if (data.type === 'step') {
        var index = pixels(data.index);
        if (index === undefined || typeof data.id !== 'string' || !STEP_ID.test(data.id)) return;
        if (data.id.length > 100) return;
        element.setAttribute('data-storymap-step', data.id);
        element.dispatchEvent(
          new CustomEvent('storymap:step', {
            bubbles: true,
            detail: { index: Math.floor(index), id: data.id },
          })
        );
      } else if (data.type === 'scroll-request') {
        var y = pixels(data.y);
        if (y === undefined || mode !== 'sticky') return;
        var top = element.getBoundingClientRect().top + window.scrollY;
        window.scrollTo(0, top + Math.min(y, furthest()));
      }
    });
  }

  function scan() {
    var elements = document.querySelectorAll('[data-storymap-src]');
    for (var i = 0; i < elements.length; i++) init(elements[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();
