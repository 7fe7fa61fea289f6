/**
 * MapLibre draws its sky on every frame, a pass over the whole canvas, also for a style that
 * sets no sky: that sky's colours are transparent by default, and the pass changes no pixel.
 * In software WebGL it was a third of a map frame (about 16 of 48 ms at 768×800, 3 to 5 of 12
 * to 20 ms at 390×844, docs/performance.md); on a phone's GPU it is a blended full-screen pass
 * a frame, for nothing.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * Leaves the sky pass out of `map`'s frames while its style sets no sky. A style with a sky (a
 * newsroom's, or one given later with `map.setSky`) has it drawn as before.
 */
export function skipEmptySky(map: MapLibreMap): void {
  const { painter } = map;
  const draw = painter.drawFunctions;
  // A copy for this map: MapLibre's maps on a page share one set of draw functions.
  painter.drawFunctions = {
    ...draw,
    sky: (mesh, frame) => {
      if (map.getSky() !== undefined) draw.sky(mesh, frame);
    },
  };
}
