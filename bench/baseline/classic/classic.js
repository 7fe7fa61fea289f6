// The classic template: fetch the story, build the page, then flyTo on every step's enter.
/* global scrollama */
import * as maplibregl from './vendor/maplibre-gl.mjs';

maplibregl.setWorkerUrl(new URL('vendor/maplibre-gl-worker.mjs', import.meta.url).href);
fetch('data/story.json')
  .then((response) => response.json())
  .then((story) => {
    document.getElementById('header').innerHTML =
      `<h1>${story.meta.title}</h1><p>${story.meta.dek}</p>`;
    document.getElementById('steps').innerHTML = story.steps
      .map(
        (step) =>
          `<div class="step" data-step-id="${step.id}"><div class="card"><h2>${step.title}</h2>${step.html}</div></div>`
      )
      .join('');
    const places = new Map(story.places.map((place) => [place.id, place.coordinates]));
    const map = new maplibregl.Map({
      container: 'map',
      style: 'data/style.json',
      center: [120, 32],
      zoom: 3,
      interactive: false,
    });
    window.__classicMap = map;
    window.__classicCamera = (step) => {
      const camera = step.map.camera;
      if (!camera.fit) return camera;
      const points = camera.fit.map((id) => places.get(id));
      const bounds = points.reduce(
        (b, p) => b.extend(p),
        new maplibregl.LngLatBounds(points[0], points[0])
      );
      const fitted = map.cameraForBounds(bounds, {
        padding: camera.padding ?? 40,
        maxZoom: camera.maxZoom ?? 12,
      });
      return { center: fitted.center.toArray(), zoom: fitted.zoom };
    };
    const show = (step) => {
      const camera = window.__classicCamera(step);
      map.flyTo({ ...camera, bearing: camera.bearing ?? 0, pitch: camera.pitch ?? 0 });
      const legs = new Set(step.map.legs);
      map.getSource('route').setData({
        type: 'FeatureCollection',
        features: story.legs
          .filter((leg) => legs.has(leg.id))
          .map((leg) => ({
            type: 'Feature',
            properties: {},
            geometry: { type: 'LineString', coordinates: leg.coordinates },
          })),
      });
      document.body.dataset.step = step.id;
    };
    map.on('load', () => {
      map.addSource('route', {
        type: 'geojson',
        data: { type: 'FeatureCollection', features: [] },
      });
      map.addLayer({
        id: 'route',
        type: 'line',
        source: 'route',
        paint: { 'line-color': '#b3261e', 'line-width': 3 },
      });
      show(story.steps[0]);
      map.once('idle', () => (document.body.dataset.settled = 'true'));
      scrollama()
        .setup({ step: '.step', offset: 0.6 })
        .onStepEnter(({ index }) => show(story.steps[index]));
    });
  });
