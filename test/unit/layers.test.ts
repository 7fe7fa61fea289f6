/**
 * The import rule of eslint.config.js (LAYERS): a module of src/lib imports its own layer and
 * those below it, never one above, and a renderer never another renderer. Checked with ESLint
 * itself on small sources placed, by name, in the folders the rule is about.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

const eslint = new ESLint({ cwd: ROOT });

/** The import-rule messages ESLint gives `code` as if it were the file at `path`. */
async function layerProblems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}/${path}` });
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

// The first lint loads ESLint's configuration and parsers: seconds on a busy machine.
describe('the import layers', { timeout: 120_000 }, () => {
  it('refuse an import of a layer above', async () => {
    const problems = await layerProblems(
      'src/lib/state/probe.ts',
      "import { chromeBoxes } from '../map/chrome';\nexport const probe = chromeBoxes;"
    );
    expect(problems).toEqual([
      expect.stringMatching(/src\/lib\/state may not import map, a layer above it/),
    ]);
    // A re-export is an import too.
    expect(
      await layerProblems('src/lib/state/probe.ts', "export { chromeBoxes } from '../map/chrome';")
    ).toEqual([expect.stringMatching(/src\/lib\/state may not import map/)]);
    expect(
      await layerProblems(
        'src/lib/story/probe.ts',
        "import { stepState } from '../state/step-state.ts';\nexport const probe = stepState;"
      )
    ).toEqual([expect.stringMatching(/src\/lib\/story may not import state/)]);
    // The page's start is above the page: the page never knows how it is started.
    expect(
      await layerProblems(
        'src/lib/prerender/probe.ts',
        "import { ROOT_ATTRIBUTE } from '../start/root';\nexport const probe = ROOT_ATTRIBUTE;"
      )
    ).toEqual([expect.stringMatching(/src\/lib\/prerender may not import start/)]);
  });

  it('refuse one renderer importing another, also on demand', async () => {
    expect(
      await layerProblems(
        'src/lib/map/probe.ts',
        "export const probe = () => import('../overlays/timeline-marks');"
      )
    ).toEqual([expect.stringMatching(/src\/lib\/map may not import overlays, another renderer/)]);
  });

  it('let the page compose every layer, and a layer use those below it', async () => {
    expect(
      await layerProblems(
        'src/lib/prerender/probe.ts',
        "import { staticMapDrawing } from '../static-map/render';\nimport { stepState } from '../state/step-state';\nexport const probe = [staticMapDrawing, stepState];"
      )
    ).toEqual([]);
    expect(
      await layerProblems(
        'src/lib/static-map/probe.ts',
        "import { placeLabels } from '../draw/placement';\nimport { ui } from '../strings';\nexport const probe = [placeLabels, ui];"
      )
    ).toEqual([]);
    expect(
      await layerProblems(
        'src/lib/start/probe.ts',
        "import StoryPage from '../StoryPage.svelte';\nimport { withHostEar } from '../prerender/host-ear';\nexport const probe = [StoryPage, withHostEar];"
      )
    ).toEqual([]);
  });
});
