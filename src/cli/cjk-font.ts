/**
 * Subsets Noto Sans CJK (Debian's fonts-noto-cjk; SIL Open Font License) to the Chinese and
 * Korean characters the story's place names use, for the map's labels: one small WOFF2 file
 * per script, committed in the story folder's fonts/ (with the font's licence, OFL.txt), so no
 * reader needs CJK fonts of their own and the build needs no font tools.
 *
 *   apt-get install fonts-noto-cjk python3-fonttools python3-brotli   # once, to extract
 *   npm run fonts                          # the flagship's
 *   STORY=story/my-story npm run fonts     # another story's
 *
 * Chinese names take the Simplified Chinese face, Korean names the Korean one (the same
 * character can be drawn differently in each). Rerun after adding a place with a local name in
 * a character the files lack; until then the reader's own fonts stand in for it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readStoryFiles, storyFolder } from '../lib/story/files.ts';
import { loadStory } from '../lib/story/load.ts';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..');
const SOURCE = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
/** The font's copyright and licence, as Debian ships them: copied beside the subsets. */
const LICENCE = '/usr/share/doc/fonts-noto-cjk/copyright';
/** The faces in Noto Sans CJK's collection: 0 Japanese, 1 Korean, 2 Simplified Chinese. */
export const FACES = [
  { lang: 'zh', face: 2, file: 'story-cjk-sc.woff2' },
  { lang: 'ko', face: 1, file: 'story-cjk-kr.woff2' },
] as const;

/**
 * Place names with characters the fonts do not hold (`held`: by language, as
 * fonts/characters.json has it), as "name (characters)": the reader's own fonts stand in there.
 */
export function namesWithoutGlyphs(
  names: { text: string; lang: string }[],
  held: Record<string, string>
): string[] {
  return names.flatMap((name) => {
    const lang = Object.keys(held).find((l) => name.lang === l || name.lang.startsWith(`${l}-`));
    if (!lang) return [];
    const missing = [...name.text].filter((char) => char.trim() && !held[lang]!.includes(char));
    return missing.length > 0 ? [`${name.text} (${missing.join('')})`] : [];
  });
}

/** The characters of every local name in `lang` (and its variants, `zh-Hans` for `zh`). */
export function charactersOf(lang: string, names: { text: string; lang: string }[]): string {
  const chars = new Set<string>();
  for (const name of names) {
    if (name.lang !== lang && !name.lang.startsWith(`${lang}-`)) continue;
    for (const char of name.text) if (char.trim()) chars.add(char);
  }
  return [...chars].sort().join('');
}

function main(): void {
  const folder = storyFolder(ROOT);
  const story = loadStory(readStoryFiles(ROOT, folder));
  mkdirSync(folder.fonts, { recursive: true });
  writeFileSync(
    join(folder.fonts, 'OFL.txt'),
    `The files ${FACES.map((f) => f.file).join(' and ')} are subsets of Noto Sans CJK, made by\nsrc/cli/cjk-font.ts; they are licensed as the font is (Debian's fonts-noto-cjk copyright file):\n\n${readFileSync(LICENCE, 'utf8')}`
  );
  const names = story.places.flatMap((place) => (place.local ? [place.local] : []));
  // What the files hold, for the build to check new names against (story/derived.ts).
  const held = Object.fromEntries(FACES.map(({ lang }) => [lang, charactersOf(lang, names)]));
  writeFileSync(join(folder.fonts, 'characters.json'), `${JSON.stringify(held, null, 2)}\n`);
  for (const { lang, face, file } of FACES) {
    const text = charactersOf(lang, names);
    const output = join(folder.fonts, file);
    execFileSync('/usr/bin/python3', [
      '-m',
      'fontTools.subset',
      SOURCE,
      `--font-number=${face}`,
      `--text=${text}`,
      '--flavor=woff2',
      '--no-hinting',
      '--desubroutinize',
      '--layout-features=',
      '--name-IDs=0,1,2,3,4,5,6',
      `--output-file=${output}`,
    ]);
    console.log(
      `${relative(ROOT, output)}: ${text.length} characters, ${(statSync(output).size / 1024).toFixed(1)} KB`
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
