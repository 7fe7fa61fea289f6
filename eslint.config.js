import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * The layers of src/lib, lowest first, the way the data flows: story.json → validate → Story →
 * step state → {map, overlays, narration, hash}, composed by the page. A module may import its
 * own layer and those below it, never one above; the renderers (layer 2) are independent of
 * each other, and the page composes them. Each entry is a folder of src/lib, or a module at its
 * top (named with `.ts`).
 */
const LAYERS = [
  // The core: the story's format and checks, camera and geometry maths, the reader's words,
  // layout constants, performance marks.
  ['story', 'geo', 'strings.ts', 'chart-strings.ts', 'static-html.ts', 'perf.ts', 'layout.ts'],
  // What the core becomes for a moment of reading, and what both maps draw by.
  [
    'state',
    'draw',
    'navigation.ts',
    'navigation.svelte.ts',
    'motion.ts',
    'motion.svelte.ts',
    'list-position.svelte.ts',
  ],
  // The renderers, each on its own.
  ['map', 'overlays', 'static-map', 'controls', 'scroll', 'embed', 'edit'],
  // The page, and what only the server renders of it.
  ['prerender', 'StoryPage.svelte'],
  // The page's start: rendered for its script on the server, started by it in the browser.
  ['start'],
];
const RENDERERS = LAYERS[2];

/** A regular expression matching an import of `entry` (`../map/x`, `./layout.ts`, `$lib/map`). */
const importOf = (entry) =>
  entry.includes('.')
    ? `(^|/)${entry.replace(/\.(ts|svelte)$/, '').replace('.', '\\.')}(\\.(ts|svelte))?$`
    : `(^|/)${entry}/`;

/** One rule set per entry: what it may not import, with the reason. */
const layerRules = LAYERS.flatMap((layer, level) =>
  layer.map((entry) => {
    const above = LAYERS.slice(level + 1).flat();
    const siblings = RENDERERS.includes(entry) ? RENDERERS.filter((e) => e !== entry) : [];
    const forbidden = [
      ...above.map((other) => ({ other, why: 'a layer above it' })),
      ...siblings.map((other) => ({ other, why: 'another renderer: let the page compose them' })),
    ];
    const files = entry.includes('.')
      ? [`src/lib/${entry}`]
      : [`src/lib/${entry}/**/*.ts`, `src/lib/${entry}/**/*.svelte`];
    return {
      files,
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: forbidden.map(({ other, why }) => ({
              regex: importOf(other),
              message: `src/lib/${entry} may not import ${other}, ${why} (eslint.config.js, LAYERS).`,
            })),
          },
        ],
        // The same for imports made on demand, which no-restricted-imports does not see.
        'no-restricted-syntax': [
          'error',
          ...forbidden.map(({ other, why }) => ({
            selector: `ImportExpression > Literal[value=/${importOf(other).replaceAll('/', '\\/')}/]`,
            message: `src/lib/${entry} may not import ${other}, ${why} (eslint.config.js, LAYERS).`,
          })),
        ],
      },
    };
  })
);

export default ts.config(
  {
    ignores: [
      'build/',
      '.svelte-kit/',
      'node_modules/',
      '.screens/',
      '.tmp-*/',
      // Storytelling template configs as their template writes them (the importer's fixtures).
      'test/fixtures/import/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  prettier,
  ...svelte.configs.prettier,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // TypeScript already reports undefined names, with better messages (typescript-eslint docs).
      'no-undef': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig,
      },
    },
  },
  ...layerRules
);
