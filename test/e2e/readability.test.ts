/**
 * The map shows what the text says, on every screen: for every step of the story, on the page
 * at five screen sizes, the step's subject lies in the clear part of the map (inside the map,
 * 16 px from its edges, clear of anything over it) when the step is reached by its address,
 * and still a quarter screen further on; and every label the map shows is whole, inside the
 * map, clear of what covers it, of every other label and of every other mark, and no nearer to
 * another company's mark than to its own. The same in the embeds: readability-embeds.test.ts.
 *
 * The steps are the story's own, iterated, never named. (What is checked, and how, is in
 * readable.ts.)
 */
import { describeReadability } from './readable';

describeReadability(['page']);
