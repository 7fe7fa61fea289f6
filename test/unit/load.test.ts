import { describe, expect, it } from 'vitest';
import { StoryError, loadStory, type StoryFiles } from '../../src/lib/story/load';
import { formatProblems, parseJson } from '../../src/lib/story/read';
import { flagshipFiles, flagshipStory, withStoryEdit } from './helpers';

type Json = Record<string, unknown>;
const steps = (story: Json) => story.steps as Json[];
const mapOf = (step: Json | undefined) => step!.map as Json;

function problemsOf(files: StoryFiles) {
  try {
    loadStory(files);
  } catch (error) {
    if (error instanceof StoryError) return error.problems;
    throw error;
  }
  throw new Error('expected the story to be refused');
}

describe('loadStory with a whole story (the flagship fixture)', () => {
  const story = flagshipStory();

  it('reads 10 to 14 steps, each citing at least one known source', () => {
    expect(story.steps.length).toBeGreaterThanOrEqual(10);
    expect(story.steps.length).toBeLessThanOrEqual(14);
    const ids = new Set(story.sources.map((s) => s.id));
    for (const step of story.steps) {
      expect(step.sources.length).toBeGreaterThan(0);
      for (const id of step.sources) expect(ids.has(id)).toBe(true);
    }
  });

  it('reads places with local names and legs with their certainty', () => {
    const dandong = story.places.find((p) => p.id === 'dandong');
    expect(dandong?.local).toEqual({ text: '丹东', lang: 'zh-Hans' });
    const rail = story.legs.find((l) => l.id === 'dandong-pyongyang');
    expect(rail?.certainty).toBe('inferred');
    expect(rail?.stops).toEqual(
      expect.arrayContaining([
        'dandong-station',
        'friendship-bridge',
        'sinuiju',
        'yomju',
        'jongju',
        'sinanju',
        'pyongyang-station',
      ])
    );
    expect(story.legs.find((l) => l.id === 'shenzhen-dandong')?.certainty).toBe('schematic');
  });

  it("gives the reader Huawei's denial", () => {
    expect(story.steps.some((s) => s.text.includes('no business presence'))).toBe(true);
  });
});

describe('loadStory refuses bad input with the file, the JSON pointer and the problem', () => {
  it('reports a parse error with its line and column', () => {
    const files = flagshipFiles();
    const broken = files.story.text.replace('"steps": [', '"steps": [,');
    const [problem, ...rest] = problemsOf({ ...files, story: { ...files.story, text: broken } });
    expect(rest).toEqual([]);
    expect(problem?.file).toBe('test/fixtures/flagship/story.json');
    expect(problem?.message).toMatch(/not valid JSON/);
    const line = broken.split('\n').findIndex((l) => l.includes('"steps": [,')) + 1;
    expect(problem?.line).toBe(line);
  });

  it('names an unknown place with its pointer, line and column, and suggests the likely one', () => {
    let index = -1;
    const files = withStoryEdit((story) => {
      const places = mapOf(steps(story)[4]).places as string[];
      index = places.push('dandongg') - 1;
    });
    const lines = files.story.text.split('\n');
    const line = lines.findIndex((l) => l.includes('"dandongg"')) + 1;
    expect(problemsOf(files)).toEqual([
      {
        file: 'test/fixtures/flagship/story.json',
        pointer: `/steps/4/map/places/${index}`,
        message: 'unknown place "dandongg" — did you mean "dandong"?',
        kind: 'unknown-id',
        line,
        column: lines[line - 1]!.indexOf('"dandongg"') + 1,
      },
    ]);
  });

  it('names an unknown route leg, and a grow leg not shown', () => {
    const problems = problemsOf(
      withStoryEdit((story) => {
        mapOf(steps(story)[1]).legs = ['rail-leg'];
        mapOf(steps(story)[2]).grow = 'dandong-pyongyang';
      })
    );
    expect(problems.map((p) => `${p.pointer} ${p.message}`)).toEqual([
      '/steps/1/map/legs/0 unknown route leg "rail-leg"',
      '/steps/2/map/grow "dandong-pyongyang" grows in this step, so it must also be in "legs"',
    ]);
  });

  it('reports every problem in one run, not just the first', () => {
    const problems = problemsOf(
      withStoryEdit((story) => {
        mapOf(steps(story)[0]).camera = { fit: ['nowhere'] };
        mapOf(steps(story)[1]).camera = { center: [200, 10], zoom: 30 };
        steps(story)[2]!.sources = ['no-such-source'];
        steps(story)[3]!.id = steps(story)[0]!.id;
        mapOf(steps(story)[5]).zoon = 4;
      })
    );
    expect(problems.map((p) => p.pointer).sort()).toEqual(
      [
        '/steps/0/map/camera/fit/0',
        '/steps/1/map/camera/center/0',
        '/steps/1/map/camera/zoom',
        '/steps/2/sources/0',
        '/steps/3',
        '/steps/5/map/zoon',
        // The renamed step no longer exists for the event that told of it.
        '/events/2/step',
      ].sort()
    );
    expect(problems.find((p) => p.pointer === '/steps/5/map/zoon')?.message).toBe(
      'unknown field "zoon" (expected one of: camera, legs, grow, places, highlight)'
    );
    expect(problems.find((p) => p.pointer === '/steps/3')?.message).toMatch(
      /duplicate id "intro" \(first used at \/steps\/0\)/
    );
  });

  it('suggests the field an editor most likely meant', () => {
    const problems = problemsOf(
      withStoryEdit((story) => {
        mapOf(steps(story)[1]).higlight = [];
      })
    );
    expect(problems.map((p) => `${p.pointer} ${p.message}`)).toEqual([
      '/steps/1/map/higlight unknown field "higlight" — did you mean "highlight"?',
    ]);
  });

  it('refuses a step without text, and a link that is not http(s)', () => {
    const problems = problemsOf(
      withStoryEdit((story) => {
        delete steps(story)[0]!.text;
        (story.sources as Json[])[0]!.url = 'javascript:alert(1)';
      })
    );
    expect(problems.map((p) => `${p.pointer} ${p.message}`)).toEqual([
      '/sources/0/url links must start with http:// or https://',
      '/steps/0/text missing required field "text"',
    ]);
  });

  it('checks the GeoJSON files too', () => {
    const files = flagshipFiles();
    const places = JSON.parse(files.places.text) as { features: Json[] };
    (places.features[0]!.properties as Json).confidence = 'certain';
    const problems = problemsOf({
      ...files,
      places: { path: 'test/fixtures/flagship/places.geojson', text: JSON.stringify(places) },
    });
    const inPlaces = problems.find(
      (problem) => problem.file === 'test/fixtures/flagship/places.geojson'
    );
    expect(inPlaces).toMatchObject({
      file: 'test/fixtures/flagship/places.geojson',
      pointer: '/features/0/properties/confidence',
    });
    expect(inPlaces?.message).toMatch(/"certain" is not allowed here/);
  });

  it('checks that a route leg passes through its stops', () => {
    const files = flagshipFiles();
    const route = JSON.parse(files.route.text) as {
      features: { geometry: { coordinates: number[][] } }[];
    };
    route.features[1]!.geometry.coordinates[2] = [124.5, 40.2];
    const problems = problemsOf({
      ...files,
      route: { path: 'test/fixtures/flagship/route.geojson', text: JSON.stringify(route) },
    });
    expect(problems.map((p) => `${p.file} ${p.pointer}`)).toEqual([
      'test/fixtures/flagship/route.geojson /features/1/properties/stops/2',
    ]);
  });

  it('formats one problem per line, with line and column when known', () => {
    expect(
      formatProblems([
        {
          file: 'story.json',
          pointer: '/steps/4/map/places/0',
          message: 'unknown place "x"',
          kind: 'unknown-id',
        },
        {
          file: 'story.json',
          pointer: '',
          message: 'not valid JSON',
          kind: 'syntax',
          line: 3,
          column: 7,
        },
      ])
    ).toBe(
      'story.json  /steps/4/map/places/0  unknown place "x"\nstory.json:3:7  /  not valid JSON'
    );
  });
});

describe("the story's region on the map (map.regionCountries)", () => {
  const region = (value: unknown) =>
    withStoryEdit((story) => {
      story.map = { regionCountries: value };
    });

  it('reads the codes the built-in map has; none when left out', () => {
    expect(flagshipStory().map.regionCountries).toEqual(['408']);
    expect(loadStory(region(['408', '410'])).map).toEqual({ regionCountries: ['408', '410'] });
    const without = loadStory(
      withStoryEdit((story) => {
        delete story.map;
      })
    );
    expect(without.map).toEqual({ regionCountries: [] });
  });

  it('gives the code for a country written by name', () => {
    expect(problemsOf(region(['north korea'])).map((p) => [p.pointer, p.kind, p.message])).toEqual([
      [
        '/map/regionCountries/0',
        'unknown-id',
        'no country "north korea" on the built-in map, which names countries by ISO 3166-1 numeric code: North Korea is "408"',
      ],
    ]);
  });

  it('names the countries a partial name could mean', () => {
    expect(problemsOf(region(['Korea'])).map((p) => p.message)).toEqual([
      'no country "Korea" on the built-in map, which names countries by ISO 3166-1 numeric code: did you mean North Korea ("408") or South Korea ("410")?',
    ]);
  });

  it('says where the codes are for one the map does not have, and refuses a repeat', () => {
    const problems = problemsOf(region(['408', 'KP', '408', 408]));
    expect(problems.map((p) => [p.pointer, p.kind])).toEqual([
      ['/map/regionCountries/1', 'unknown-id'],
      ['/map/regionCountries/2', 'duplicate-id'],
      ['/map/regionCountries/3', 'type'],
    ]);
    expect(problems[0]!.message).toBe(
      'no country "KP" on the built-in map, which names countries by ISO 3166-1 numeric code: geo/countries.ts lists the codes'
    );
    expect(problems[1]!.message).toBe('"408" is listed twice');
  });
});

describe('parseJson', () => {
  it('locates the error on its line', () => {
    const result = parseJson('{\n  "a": 1,\n  "b": }\n', 'x.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.line).toBe(3);
  });
});

describe('GeoJSON feature ids', () => {
  it('must match the id in properties', () => {
    const files = flagshipFiles();
    const places = JSON.parse(files.places.text) as { features: Record<string, unknown>[] };
    places.features[3]!.id = 'dandong-city';
    let problems: { pointer: string; kind: string }[] = [];
    try {
      loadStory({
        ...files,
        places: { path: 'test/fixtures/flagship/places.geojson', text: JSON.stringify(places) },
      });
    } catch (error) {
      if (error instanceof StoryError) problems = error.problems;
    }
    expect(problems.map((p) => `${p.pointer} ${p.kind}`)).toEqual(['/features/3/id rule']);
  });
});
