/**
 * Everything that needs MapLibre, loaded with a dynamic import after the text is on screen.
 * Creates the map, adds the route layers to whichever style loads, falls back to the embedded
 * basemap when a newsroom's style fails, and hands back a controller.
 */
import {
  Map as MapLibreMap,
  setWorkerUrl,
  type GeoJSONSource,
  type StyleSpecification,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// The worker is emitted as its own file and loaded from our origin (no blob:, no CDN).
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
// The basemap as the first view needs it; the whole story's, the world beyond the region and
// the close-zoom detail are fetched after the map's first view.
import basemapFirstUrl from 'virtual:story-map/basemap-first.json?url';
import basemapUrl from 'virtual:story-map/basemap.json?url';
import detailUrl from 'virtual:story-map/detail.json?url';
import worldUrl from 'virtual:story-map/world.json?url';
import hasDetail from 'virtual:story-map/has-detail';
import type { LngLat } from '../story/types';
import type { BrowserStory } from '../story/browser';
import { resolveCamera, type Camera, type Size } from '../geo/camera';
import { stepState } from '../state/step-state';
// The page's own script needs these only once the map runs: they come with it.
export { cameraForEditor, formatCamera } from '../geo/camera';
export { chromeBoxes, coveredPadding } from './chrome';
export { narrate } from '../state/narration';
import { StoryMapController, type ControllerOptions } from './controller';
import {
  BASEMAP_SOURCE,
  DETAIL_SOURCE,
  FIRST_LAND_LAYER,
  PAINT_PROPERTY_SAMPLE,
  ROUTE_SOURCE,
  ROUTE_TOLERANCE,
  SOURCE_MAX_ZOOM,
  WORLD_SOURCE,
  detailLayers,
  embeddedStyle,
  routeLayers,
  worldLayers,
} from '../draw/style';
import { WARM_UP_SOURCE, warmUpFeatures, warmUpPlan } from '../draw/warm-up';
import { skipEmptySky } from './sky';
import { ui } from '../strings';

export interface MountOptions extends Omit<ControllerOptions, 'viewport'> {
  /** Editing aid: the reader may pan, zoom and turn the map; `onMove` reports each frame. */
  editing?: { onMove(camera: Camera): void };
  /** Shown to readers when the newsroom style failed and the embedded basemap stands in. */
  onStyleFallback(reason: string): void;
  /** Called when the map cannot run at all (no WebGL, lost context). */
  onFailure(reason: string): void;
}

export interface MountedMap {
  controller: StoryMapController;
  /** Call after the container changed size (where its layout is fresh: a ResizeObserver). */
  resize(): void;
  /**
   * The map's size, CSS pixels, as measured at the start and at each `resize`: a step change
   * reads no layout for it (a forced layout there costs as much as the page is long).
   */
  size(): Size;
  /** Shows a changed story (dev preview) on the same map; a changed style is loaded anew. */
  replaceStory(story: BrowserStory): void;
  /**
   * Adds to the built-in map what its first view did not need: the whole story's basemap (the
   * first view's was cut to that view, as coarse as it allows), the world beyond the story's
   * region and the close-zoom detail (rivers, land, coast, detailed borders). Called after the
   * first view, so none of them delays it. A newsroom's own style draws its own.
   */
  addAfterFirstView(): void;
  /** Where a position is on the map now, CSS pixels from the map's top left. */
  project(at: LngLat): { x: number; y: number };
  /**
   * Calls `listener` on every camera change, inside MapLibre's own animation frame, so what
   * it draws moves with the map; returns the function that stops it.
   */
  onCameraChange(listener: () => void): () => void;
  destroy(): void;
}

setWorkerUrl(workerUrl);

function addRouteOverlay(map: MapLibreMap): void {
  if (!map.getSource(ROUTE_SOURCE)) {
    map.addSource(ROUTE_SOURCE, {
      type: 'geojson',
      data: { type: 'FeatureCollection', features: [] },
      maxzoom: SOURCE_MAX_ZOOM.route,
      tolerance: ROUTE_TOLERANCE,
    });
  }
  for (const layer of routeLayers()) {
    if (!map.getLayer(layer.id)) map.addLayer(layer);
  }
}

/**
 * Creates the map in `container` and resolves once the first style has loaded. Rejects when
 * the map cannot be created (e.g. no WebGL); the caller shows a notice instead.
 */
export function mountStoryMap(
  container: HTMLElement,
  story: BrowserStory,
  options: MountOptions
): Promise<MountedMap> {
  const basemapHref = new URL(basemapFirstUrl, document.baseURI).href;
  /** The built-in map for a story: the default, and what a newsroom style falls back to. */
  const builtIn = (of: BrowserStory): StyleSpecification =>
    embeddedStyle(basemapHref, of.map.regionCountries);
  let fallback = builtIn(story);
  /** The story's region, shaded on the built-in map and its detail. */
  let shownRegion = story.map.regionCountries;
  let style = story.map.style ?? fallback;
  const measure = (): Size => ({
    width: container.clientWidth || 1,
    height: container.clientHeight || 1,
  });
  let size = measure();
  return new Promise((resolve, reject) => {
    let map: MapLibreMap;
    try {
      // It opens on the story's first view: a reader at the start sees no flight.
      const first = resolveCamera(stepState(story, 0, 1).camera, size);
      map = new MapLibreMap({
        container,
        style,
        center: first.center,
        zoom: first.zoom,
        bearing: first.bearing,
        pitch: first.pitch,
        // As far as a step's camera may tilt (story.schema.json); MapLibre's default stops at 60.
        maxPitch: 85,
        // Readers scroll the page, not the map: no gesture may capture the scroll. Only the
        // editing aid lets an editor move the map to find a view.
        interactive: options.editing !== undefined,
        attributionControl: { compact: true },
        fadeDuration: 0,
      });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    skipEmptySky(map);

    let warmUpDone = () => {};
    const warmedUpPromise = new Promise<void>((done) => (warmUpDone = done));
    // Test hook: with ?debug in the address, tests reach the map (to compare overlays with
    // map.project frame by frame). Readers never add it; it exposes nothing they lack.
    if (new URLSearchParams(window.location.search).has('debug')) {
      // And when the warm-up below is over (at once where the style has none).
      Object.assign(window, { __storyMap: map, __storyMapWarmUp: warmedUpPromise });
    }
    let usingFallback = style === fallback;
    let controller: StoryMapController | undefined;
    let afterFirstView = false;

    // Once, after the first view: every layer drawn once, hidden, so the shader programs later
    // views use are compiled while the reader reads, not during a flight (draw/warm-up.ts).
    let warmedUp = false;
    const warmUp = () => {
      if (warmedUp) return;
      warmedUp = true;
      const plan = warmUpPlan(map.getStyle().layers);
      if (!plan) return warmUpDone();
      const centre = map.project(map.getCenter());
      const near = map.unproject([centre.x + 6, centre.y + 6]);
      const from = map.getCenter();
      map.addSource(WARM_UP_SOURCE, {
        type: 'geojson',
        data: warmUpFeatures([from.lng, from.lat], [near.lng, near.lat], PAINT_PROPERTY_SAMPLE),
      });
      for (const layer of plan.layers) map.addLayer(layer, plan.before);
      // Idle: every source's tiles in place and drawn, the copies with them.
      map.once('idle', () => {
        // Gone with the style if a new one was set meanwhile (the dev preview's).
        for (const layer of plan.layers) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
        if (map.getSource(WARM_UP_SOURCE)) map.removeSource(WARM_UP_SOURCE);
        warmUpDone();
      });
    };

    const addAfterFirstView = () => {
      // A newsroom's style draws its own layers: no additions, and no warm-up of them (their
      // paint may read properties the warm-up's geometry does not have).
      if (!usingFallback) return warmUpDone();
      if (map.getSource(DETAIL_SOURCE)) return;
      // Within the first view the whole basemap differs only where later steps look closer:
      // a pixel or two of coast there, refined a moment after the first view.
      map
        .getSource<GeoJSONSource>(BASEMAP_SOURCE)
        ?.setData(new URL(basemapUrl, document.baseURI).href);
      map.addSource(WORLD_SOURCE, {
        type: 'geojson',
        data: new URL(worldUrl, document.baseURI).href,
        // Half the world's tile loads were zooms its data does not hold.
        maxzoom: SOURCE_MAX_ZOOM.world,
      });
      for (const layer of worldLayers(shownRegion)) {
        map.addLayer(layer, map.getLayer(FIRST_LAND_LAYER) ? FIRST_LAND_LAYER : undefined);
      }
      map.addSource(DETAIL_SOURCE, {
        type: 'geojson',
        data: new URL(detailUrl, document.baseURI).href,
        maxzoom: SOURCE_MAX_ZOOM.detail,
        // Credited only where the story has detail extracted from them.
        ...(hasDetail && { attribution: 'GSHHG, WDBII' }),
      });
      // Under the route, over the basemap.
      const below = routeLayers()[0]!.id;
      for (const layer of detailLayers(shownRegion)) {
        if (!map.getLayer(layer.id)) map.addLayer(layer, map.getLayer(below) ? below : undefined);
      }
      warmUp();
    };

    const onStyleLoad = () => {
      addRouteOverlay(map);
      if (afterFirstView) addAfterFirstView();
      controller?.resetLayers();
    };
    const onError = (event: { error?: { message?: string } }) => {
      const message = event.error?.message ?? 'unknown error';
      if (!usingFallback && !map.isStyleLoaded()) {
        usingFallback = true;
        options.onStyleFallback(message);
        map.setStyle(fallback);
      }
    };
    const onContextLost = () => options.onFailure(ui.map.contextLost);

    let frame = 0;
    const onMove = () => {
      // One report per animation frame, however many move events arrive.
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const center = map.getCenter();
        options.editing?.onMove({
          center: [center.lng, center.lat],
          zoom: map.getZoom(),
          bearing: map.getBearing(),
          pitch: map.getPitch(),
        });
      });
    };
    const subscriptions = [
      map.on('style.load', onStyleLoad),
      map.on('error', onError),
      map.on('webglcontextlost', onContextLost),
      ...(options.editing ? [map.on('move', onMove)] : []),
    ];
    map.once('load', () => {
      controller = new StoryMapController(map, story, { ...options, viewport: () => size });
      resolve({
        controller,
        resize: () => {
          size = measure();
          map.resize();
          controller?.resize();
        },
        size: () => size,
        addAfterFirstView: () => {
          afterFirstView = true;
          if (map.isStyleLoaded()) addAfterFirstView();
        },
        // On the copy of the world nearest the map's centre: a view across the antimeridian
        // shows Shenzhen west of Vancouver, not a world away.
        project: ([lng, lat]) => {
          const center = map.getCenter().lng;
          return map.project([lng + 360 * Math.round((center - lng) / 360), lat]);
        },
        onCameraChange: (listener) => {
          const subscription = map.on('move', listener);
          return () => subscription.unsubscribe();
        },
        replaceStory: (next) => {
          const fallbackBefore = JSON.stringify(fallback);
          fallback = builtIn(next);
          shownRegion = next.map.regionCountries;
          const nextStyle = next.map.style ?? fallback;
          if (JSON.stringify(nextStyle) !== JSON.stringify(style)) {
            style = nextStyle;
            usingFallback = style === fallback;
            map.setStyle(style);
          } else if (usingFallback && JSON.stringify(fallback) !== fallbackBefore) {
            // Still on the built-in map (the newsroom style failed), whose shading changed.
            map.setStyle(fallback);
          }
          controller?.replaceStory(next);
        },
        destroy: () => {
          controller?.destroy();
          for (const subscription of subscriptions) subscription.unsubscribe();
          cancelAnimationFrame(frame);
          map.remove();
        },
      });
    });
  });
}
