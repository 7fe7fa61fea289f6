/** The one label placement (draw/placement.ts): every label the map draws goes through it. */
import { describe, expect, it } from 'vitest';
import {
  lineLength,
  placeLabels,
  pointsAlong,
  type LabelRequest,
  type Rect,
} from '../../src/lib/draw/placement';

const area: Rect = { left: 0, top: 0, right: 400, bottom: 300 };
const dot = { kind: 'point', mark: { halfWidth: 6, halfHeight: 6 } } as const;
const label = (
  id: string,
  x: number,
  y: number,
  priority = 1,
  size = { width: 80, height: 20 }
): LabelRequest => ({ id, priority, anchor: { x, y }, sizes: [size], shape: dot });

const overlap = (a: Rect, b: Rect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const inside = (outer: Rect, inner: Rect) =>
  inner.left >= outer.left &&
  inner.right <= outer.right &&
  inner.top >= outer.top &&
  inner.bottom <= outer.bottom;

describe('placeLabels', () => {
  it('puts a lone label right of its mark, vertically centred on it', () => {
    const { labels } = placeLabels([label('a', 100, 100)], { area, obstacles: [] });
    const box = labels.get('a')!.box;
    expect(box.left).toBe(100 + 6 + 4);
    expect((box.top + box.bottom) / 2).toBe(100);
  });

  it('moves a label that would run off the map to the other side, never cutting it', () => {
    const { labels } = placeLabels([label('a', 380, 100)], { area, obstacles: [] });
    const box = labels.get('a')!.box;
    expect(box.right).toBe(380 - 6 - 4);
    expect(inside(area, box)).toBe(true);
  });

  it('keeps labels clear of what covers the map', () => {
    const legend: Rect = { left: 100, top: 60, right: 300, bottom: 120 };
    const { labels } = placeLabels([label('a', 100, 100)], { area, obstacles: [legend] });
    expect(overlap(labels.get('a')!.box, legend)).toBe(false);
  });

  it('never overlaps two labels: the more important keeps its place, the other moves', () => {
    // Two places 10 px apart: both want the spot right of their mark.
    const { labels } = placeLabels([label('minor', 100, 110, 2), label('major', 100, 100, 0)], {
      area,
      obstacles: [],
    });
    const major = labels.get('major')!.box;
    const minor = labels.get('minor')?.box;
    expect(major.left).toBe(110);
    if (minor) expect(overlap(major, minor)).toBe(false);
  });

  it('never puts a label over another mark, nor nearer to another mark than to its own', () => {
    const requests = [label('a', 100, 100), label('b', 150, 100), label('c', 125, 140)];
    const { labels } = placeLabels(requests, { area, obstacles: [] });
    const marks = new Map(
      requests.map((r) => [
        r.id,
        {
          left: r.anchor!.x - 6,
          top: r.anchor!.y - 6,
          right: r.anchor!.x + 6,
          bottom: r.anchor!.y + 6,
        },
      ])
    );
    const distance = (a: Rect, b: Rect) =>
      Math.hypot(
        Math.max(0, a.left - b.right, b.left - a.right),
        Math.max(0, a.top - b.bottom, b.top - a.bottom)
      );
    for (const [id, placed] of labels) {
      for (const [other, mark] of marks) {
        if (other === id) continue;
        expect(overlap(placed.box, mark), `${id} over ${other}`).toBe(false);
        expect(distance(placed.box, mark)).toBeGreaterThanOrEqual(
          distance(placed.box, marks.get(id)!)
        );
      }
    }
  });

  it('stands a label off with a leader line when nothing beside its mark is free', () => {
    // Boxes all around the mark; free only further out to the left.
    const crowd: Rect[] = [
      { left: 160, top: 40, right: 400, bottom: 88 },
      { left: 160, top: 112, right: 400, bottom: 300 },
      { left: 206, top: 40, right: 400, bottom: 300 },
      { left: 172, top: 85, right: 194, bottom: 115 },
    ];
    const { labels } = placeLabels([label('a', 200, 100)], { area, obstacles: crowd });
    const placed = labels.get('a')!;
    expect(placed.leader).toBeDefined();
    for (const rect of crowd) expect(overlap(placed.box, rect)).toBe(false);
    // The leader runs from the mark's edge to the label.
    expect(placed.leader!.from).toEqual({ x: 194, y: 100 });
    expect(placed.leader!.to).toEqual({ x: placed.box.right, y: 100 });
  });

  it('takes the shorter form of a label where the full one does not fit', () => {
    const request: LabelRequest = {
      ...label('a', 100, 100),
      sizes: [
        { width: 380, height: 250 },
        { width: 80, height: 20 },
      ],
    };
    const { labels } = placeLabels([request], { area, obstacles: [] });
    expect(labels.get('a')!.size).toBe(1);
  });

  it('drops the least important first when the map is crowded', () => {
    const small: Rect = { left: 0, top: 0, right: 200, bottom: 60 };
    const requests = [label('low', 60, 30, 5), label('high', 80, 30, 0)];
    const { labels } = placeLabels(requests, { area: small, obstacles: [] });
    expect(labels.has('high')).toBe(true);
    expect(labels.has('low')).toBe(false);
  });

  it('lets a mark that falls on a more important one give way, with its label', () => {
    const requests = [label('square', 103, 102, 1), label('station', 100, 100, 0)];
    const { labels, marks } = placeLabels(requests, { area, obstacles: [] });
    expect([...marks]).toEqual(['station']);
    expect(labels.has('square')).toBe(false);
  });

  it('shows the mark of a label that needs it only when the label is shown', () => {
    const tiny: Rect = { left: 0, top: 0, right: 60, bottom: 60 };
    const request = { ...label('group', 30, 30), markNeedsLabel: true };
    const { labels, marks } = placeLabels([request], { area: tiny, obstacles: [] });
    expect(labels.has('group')).toBe(false);
    expect(marks.has('group')).toBe(false);
  });

  it('keeps a label where it was while it still fits, so labels do not flicker', () => {
    const first = placeLabels([label('a', 200, 100)], { area, obstacles: [] });
    const taken = first.labels.get('a')!;
    // Now the right side is free again but the label had moved left: it stays left.
    const left = placeLabels([label('a', 200, 100)], {
      area,
      obstacles: [{ left: 206, top: 0, right: 400, bottom: 300 }],
    }).labels.get('a')!;
    expect(left.candidate).not.toBe(taken.candidate);
    const again = placeLabels([label('a', 200, 100)], {
      area,
      obstacles: [],
      previous: new Map([['a', left.candidate]]),
    }).labels.get('a')!;
    expect(again.box).toEqual(left.box);
  });

  it('centres a name with no mark on its anchor, and a route label on its line', () => {
    const { labels } = placeLabels(
      [
        {
          id: 'country',
          priority: 5,
          anchor: { x: 200, y: 150 },
          sizes: [{ width: 100, height: 20 }],
          shape: { kind: 'center' },
        },
        {
          id: 'leg',
          priority: 2,
          anchor: { x: 50, y: 250 },
          sizes: [{ width: 60, height: 16 }],
          shape: {
            kind: 'line',
            along: [
              { x: 50, y: 250 },
              { x: 100, y: 250 },
            ],
          },
        },
      ],
      { area, obstacles: [] }
    );
    expect(labels.get('country')!.box).toEqual({ left: 150, top: 140, right: 250, bottom: 160 });
    expect(labels.get('leg')!.box).toEqual({ left: 20, top: 242, right: 80, bottom: 258 });
  });

  it('shows nothing for a place off the map', () => {
    const request = { ...label('off', 0, 0), anchor: undefined };
    const { labels, marks } = placeLabels([request], { area, obstacles: [] });
    expect(labels.size).toBe(0);
    expect(marks.size).toBe(0);
  });

  it('places a crowd of labels with none overlapping and all inside the map', () => {
    // A grid of 49 places 30 px apart: many must give way, none may overlap.
    const requests: LabelRequest[] = [];
    for (let i = 0; i < 7; i++) {
      for (let j = 0; j < 7; j++)
        requests.push(label(`${i}-${j}`, 50 + i * 50, 30 + j * 40, i + j));
    }
    const { labels } = placeLabels(requests, { area, obstacles: [] });
    expect(labels.size).toBeGreaterThan(5);
    const boxes = [...labels.values()].map((l) => l.box);
    for (const [i, a] of boxes.entries()) {
      expect(inside(area, a)).toBe(true);
      for (const b of boxes.slice(i + 1)) expect(overlap(a, b)).toBe(false);
    }
  });
});

describe('lines on screen', () => {
  it('measures a line and finds points along it', () => {
    const line = [
      { x: 0, y: 0 },
      { x: 30, y: 40 },
      { x: 30, y: 90 },
    ];
    expect(lineLength(line)).toBe(100);
    expect(pointsAlong(line, [0, 0.25, 0.5, 1])).toEqual([
      { x: 0, y: 0 },
      { x: 15, y: 20 },
      { x: 30, y: 40 },
      { x: 30, y: 90 },
    ]);
  });
});
