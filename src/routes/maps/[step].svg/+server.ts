/**
 * Each step's static map, prerendered to build/maps/<step>.svg: for readers without
 * JavaScript, print, and hosts that cannot run the live map.
 */
import story from 'virtual:story';
import { STATIC_MAP_SIZE } from '$lib/static-map/sizes';
import { stepMapResponse } from '$lib/static-map/svg';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => story.steps.map((step) => ({ step: step.id }));

export const GET: RequestHandler = ({ params }) =>
  stepMapResponse(story, params.step, STATIC_MAP_SIZE);
