/**
 * The whole route on one map, prerendered to build/overview.svg: above the story where the
 * live map cannot run (no JavaScript, unrolled embeds) and in print.
 */
import story from 'virtual:story';
import { STATIC_MAP_SIZE } from '$lib/static-map/sizes';
import { overviewMapResponse } from '$lib/static-map/svg';
import type { RequestHandler } from './$types';

export const prerender = true;

export const GET: RequestHandler = () => overviewMapResponse(story, STATIC_MAP_SIZE);
