/** The fonts for Chinese and Korean names (src/cli/cjk-font.ts): which characters they need. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { charactersOf, namesWithoutGlyphs } from '../../src/cli/cjk-font';
import { DEFAULT_STORY } from '../../src/lib/story/files';
import { ROOT } from './helpers';

const names = [
  { text: '丹东站', lang: 'zh-Hans' },
  { text: '北京', lang: 'zh' },
  { text: '평양역', lang: 'ko' },
  { text: 'Hauptstadt', lang: 'de' },
];

describe('the CJK fonts', () => {
  it('take every character of the names in their language, once, in order', () => {
    expect(charactersOf('zh', names)).toBe([...'丹东站北京'].sort().join(''));
    expect(charactersOf('ko', names)).toBe([...'평양역'].sort().join(''));
  });

  it('name the places whose characters the fonts lack, and only those', () => {
    expect(namesWithoutGlyphs(names, { zh: '丹东站北京', ko: '평양' })).toEqual(['평양역 (역)']);
    expect(namesWithoutGlyphs(names, { zh: '丹东站北京', ko: '평양역' })).toEqual([]);
  });

  it("ship a file per language with the characters it holds, in the flagship's folder", () => {
    const held = JSON.parse(
      readFileSync(join(ROOT, DEFAULT_STORY, 'fonts/characters.json'), 'utf8')
    ) as Record<string, string>;
    expect(Object.keys(held).sort()).toEqual(['ko', 'zh']);
    for (const file of ['story-cjk-sc.woff2', 'story-cjk-kr.woff2']) {
      const bytes = readFileSync(join(ROOT, DEFAULT_STORY, 'fonts', file));
      // A WOFF2 file, and a small one.
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('wOF2');
      expect(bytes.length).toBeLessThan(8 * 1024);
    }
  });
});
