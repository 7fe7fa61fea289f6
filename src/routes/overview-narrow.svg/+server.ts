/** The whole route on one map, drawn for phones (build/overview-narrow.svg). */
import story from 'virtual:story';
import { NARROW_STATIC_MAP_SIZE } from '$lib/static-map/sizes';
import { overviewMapResponse } from '$lib/static-map/svg';
import type { RequestHandler } from './$types';

export const prerender = true;

export const GET: RequestHandler = () => overviewMapResponse(story, NARROW_STATIC_MAP_SIZE);
