// jsdom ships no types, and no @types/jsdom matches its version 29: what the unit tests use of
// it (a window, for its DOMParser), typed as the DOM's own.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string);
    readonly window: Window & typeof globalThis;
  }
}
