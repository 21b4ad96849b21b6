import { distance } from 'fastest-levenshtein';

/**
 * The known name a mistyped one most likely meant, or undefined when none is
 * close. Close means at most 2 edits and at most a third of the typed name:
 * the cap of 2 keeps a long unknown name from matching by chance, the third
 * keeps a short one from "meaning" an unrelated short input ('nope' is two
 * edits from 'mode'). Ties go to the name listed first (spec order).
 */
export function closestName(typed: string, known: readonly string[]): string | undefined {
  const limit = Math.min(2, typed.length / 3);
  let best: { name: string; edits: number } | undefined;
  for (const name of known) {
    const edits = distance(typed, name);
    if (edits <= limit && (best === undefined || edits < best.edits)) best = { name, edits };
  }
  return best?.name;
}
