/**
 * Each step's static map drawn for phones, prerendered to build/maps/narrow/<step>.svg: the
 * page offers it with `<picture>` below 768 px, where the wide map would shrink its labels.
 */
import story from 'virtual:story';
import { NARROW_STATIC_MAP_SIZE } from '$lib/static-map/sizes';
import { stepMapResponse } from '$lib/static-map/svg';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => story.steps.map((step) => ({ step: step.id }));

export const GET: RequestHandler = ({ params }) =>
  stepMapResponse(story, params.step, NARROW_STATIC_MAP_SIZE);
