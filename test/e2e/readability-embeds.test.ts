/**
 * The map shows what the text says in the embeds: every step of the story in the sticky embed
 * (a host page with our loader) and the contained one (a plain fixed-height iframe), at the
 * widest screen, a tablet's and the smallest phone's, checked as readability.test.ts checks
 * the page (readable.ts).
 */
import { describeReadability } from './readable';

describeReadability(['sticky', 'contained']);
