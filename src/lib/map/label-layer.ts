/**
 * The label layer's work, apart from its markup (MapLabels.svelte): measuring the labels
 * Svelte drew (once per step, and when fonts or the map's size change) and, on every camera
 * change, projecting their anchors, placing them with `placeLabels` and writing where each
 * goes. A frame reads no layout: it works on the sizes and elements found when measuring.
 */
import type { LngLat } from '../story/types';
import { MARK_HALF_SIZE, shapeOf, type LabelItem } from './label-items';
import {
  lineLength,
  placeLabels,
  pointsAlong,
  type LabelRequest,
  type LabelSize,
  type Point,
  type Rect,
} from '../draw/placement';

/** A leg is labelled only when this long on screen, CSS pixels. */
const MIN_LABELLED_LEG_PX = 240;
/** Where along a leg its label may go, in order of preference. */
const ALONG = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8];
/** Labels keep this far inside the map's edges, CSS pixels. */
const EDGE = 4;

export interface LabelLayerOptions {
  /** Where a position is on the map now, CSS pixels from its top left. */
  project(at: LngLat): Point;
  /** What covers the map, in its own pixels: labels stay clear of it. */
  obstacles(): Rect[];
  /** The map's size, CSS pixels. */
  size(): { width: number; height: number };
}

/** The elements drawn for one label. */
interface Parts {
  box?: HTMLElement;
  mark?: HTMLElement;
  leader?: SVGLineElement;
}

const setTransform = (element: HTMLElement, value: string) => {
  if (element.style.transform !== value) element.style.transform = value;
};
const setData = (element: HTMLElement, name: string, value: string) => {
  if (element.dataset[name] !== value) element.dataset[name] = value;
};

export class LabelLayer {
  private items: readonly LabelItem[] = [];
  private parts = new Map<string, Parts>();
  /** Each label's sizes: in full, and for a place with companies without them too. */
  private sizes = new Map<string, LabelSize[]>();
  private covered: Rect[] = [];
  private mapSize = { width: 0, height: 0 };
  /** The candidate each label took in the last frame: labels do not flicker between sides. */
  private previous = new Map<string, number>();
  private measured = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly options: LabelLayerOptions
  ) {}

  /** The labels of a new step, once Svelte has drawn them: measured, then placed. */
  show(items: readonly LabelItem[]): void {
    this.items = items;
    this.measure();
    this.layout();
  }

  /** Measures again (fonts arrived, the map was resized) and places again. */
  refresh(): void {
    this.measure();
    this.layout();
  }

  private findParts(): Map<string, Parts> {
    const found = new Map<string, Parts>();
    const part = (id: string | undefined): Parts => {
      if (id === undefined) return {};
      let entry = found.get(id);
      if (!entry) found.set(id, (entry = {}));
      return entry;
    };
    for (const box of this.root.querySelectorAll<HTMLElement>('[data-label-id]')) {
      part(box.dataset.labelId).box = box;
    }
    for (const mark of this.root.querySelectorAll<HTMLElement>('[data-mark-for]')) {
      part(mark.dataset.markFor).mark = mark;
    }
    for (const leader of this.root.querySelectorAll<SVGLineElement>('line[data-leader-for]')) {
      part(leader.dataset.leaderFor).leader = leader;
    }
    return found;
  }

  private measure(): void {
    this.parts = this.findParts();
    // Every label at its full size first (writes), then every size read (one layout).
    for (const { box } of this.parts.values()) if (box) setData(box, 'short', 'false');
    const sizes = new Map<string, LabelSize[]>();
    for (const item of this.items) {
      const box = this.parts.get(item.id)?.box;
      if (!box) continue;
      const full = { width: box.offsetWidth, height: box.offsetHeight };
      const head = box.querySelector<HTMLElement>('.place-head');
      const list = box.querySelector<HTMLElement>('.companies');
      // A place labelled only for its companies has no shorter form: it is there for them.
      if (!head || !list || (item.kind === 'place' && !item.listed)) {
        sizes.set(item.id, [full]);
        continue;
      }
      // Without the list: the heading with the label's own padding around it.
      const below = list.offsetTop + list.offsetHeight - head.offsetTop - head.offsetHeight;
      sizes.set(item.id, [
        full,
        { width: head.offsetWidth + 2 * head.offsetLeft, height: full.height - below },
      ]);
    }
    this.sizes = sizes;
    this.covered = this.options.obstacles();
    this.mapSize = this.options.size();
    this.measured = true;
  }

  /** Projects every anchor and places every label: arithmetic and writes only. */
  layout(): void {
    if (!this.measured) return;
    const { project } = this.options;
    const { width, height } = this.mapSize;
    const inside = (p: Point) => p.x >= 0 && p.x <= width && p.y >= 0 && p.y <= height;
    const area = { left: EDGE, top: EDGE, right: width - EDGE, bottom: height - EDGE };
    const anchors = new Map<string, Point | undefined>();
    const turns = new Map<string, number>();
    const requests: LabelRequest[] = this.items.map((item) => {
      const sizes = this.sizes.get(item.id) ?? [];
      if (item.kind === 'leg') {
        const line = item.leg.coordinates.map(project);
        const along =
          lineLength(line) >= MIN_LABELLED_LEG_PX ? pointsAlong(line, ALONG).filter(inside) : [];
        return {
          id: item.id,
          priority: item.priority,
          anchor: along[0],
          sizes,
          shape: { kind: 'line', along },
        };
      }
      const at = project(item.place.coordinates);
      const anchor = inside(at) ? at : undefined;
      anchors.set(item.id, anchor);
      if (item.across && anchor) {
        const [a, b] = item.across.map(project) as [Point, Point];
        turns.set(item.id, (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI);
      }
      return {
        id: item.id,
        priority: item.priority,
        anchor,
        sizes,
        shape:
          shapeOf(item) === 'point' && item.mark
            ? { kind: 'point', mark: MARK_HALF_SIZE[item.mark] }
            : { kind: 'center' },
        markNeedsLabel: !item.listed,
      };
    });
    const placement = placeLabels(requests, {
      area,
      obstacles: this.covered,
      previous: this.previous,
    });
    this.previous = new Map([...placement.labels].map(([id, label]) => [id, label.candidate]));
    for (const item of this.items) {
      const { box, mark, leader } = this.parts.get(item.id) ?? {};
      const label = placement.labels.get(item.id);
      if (box) {
        setData(box, 'placed', String(label !== undefined));
        setData(box, 'short', String(label !== undefined && label.size > 0));
        if (label) setTransform(box, `translate(${label.box.left}px, ${label.box.top}px)`);
      }
      const anchor = anchors.get(item.id);
      if (mark) {
        setData(mark, 'visible', String(anchor !== undefined && placement.marks.has(item.id)));
        const turn = turns.get(item.id);
        if (anchor) {
          const rotation = turn === undefined ? '' : ` rotate(${turn}deg)`;
          setTransform(mark, `translate(${anchor.x}px, ${anchor.y}px)${rotation}`);
        }
      }
      if (leader) {
        const line = label?.leader;
        leader.setAttribute('visibility', line ? 'visible' : 'hidden');
        if (line) {
          leader.setAttribute('x1', String(line.from.x));
          leader.setAttribute('y1', String(line.from.y));
          leader.setAttribute('x2', String(line.to.x));
          leader.setAttribute('y2', String(line.to.y));
        }
      }
    }
  }
}
