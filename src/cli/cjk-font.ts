/**
 * Subsets Noto Sans CJK (Debian's fonts-noto-cjk; SIL Open Font License) to the Chinese and
 * Korean characters the story's place names use, for the map's labels: one small WOFF2 file
 * per script, committed, so no reader needs CJK fonts of their own and the build needs no
 * font tools.
 *
 *   apt-get install fonts-noto-cjk python3-fonttools python3-brotli   # once, to extract
 *   npm run fonts
 *
 * Chinese names take the Simplified Chinese face, Korean names the Korean one (the same
 * character can be drawn differently in each). Rerun after adding a place with a local name in
 * a character the files lack; until then the reader's own fonts stand in for it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadStory } from '../lib/story/load.ts';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..');
const SOURCE = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
/** The faces in Noto Sans CJK's collection: 0 Japanese, 1 Korean, 2 Simplified Chinese. */
export const FACES = [
  { lang: 'zh', face: 2, file: 'story-cjk-sc.woff2' },
  { lang: 'ko', face: 1, file: 'story-cjk-kr.woff2' },
] as const;
export const FONT_FOLDER = 'src/lib/map/fonts';

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
  const read = (path: string) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') });
  const story = loadStory({
    story: read('story/story.json'),
    places: read('geo/places.geojson'),
    route: read('geo/route.geojson'),
  });
  const names = story.places.flatMap((place) => (place.local ? [place.local] : []));
  // What the files hold, for the build to check new names against (story/vite-plugin.ts).
  const held = Object.fromEntries(FACES.map(({ lang }) => [lang, charactersOf(lang, names)]));
  writeFileSync(join(ROOT, FONT_FOLDER, 'characters.json'), `${JSON.stringify(held, null, 2)}\n`);
  for (const { lang, face, file } of FACES) {
    const text = charactersOf(lang, names);
    const output = join(ROOT, FONT_FOLDER, file);
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
      `${FONT_FOLDER}/${file}: ${text.length} characters, ${(statSync(output).size / 1024).toFixed(1)} KB`
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
