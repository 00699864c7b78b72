/** The query parameter of a link to one question of the checklist: `/assessments/:id?question=KEY`. */
export const QUESTION_PARAM = 'question';

/** Frames the element must keep the same position before it counts as settled. */
const STABLE_FRAMES = 3;

/**
 * Calls `action` once the element `find` returns is in the page and has stopped moving for a few
 * animation frames — or gives up after `timeoutMs`. A checklist opened from a link renders its cards
 * and their controls over several passes after the data arrives, so a scroll made on the first pass
 * can end up far from the question. Returns a function that cancels the wait.
 */
export function whenSettled(
  view: Pick<Window, 'requestAnimationFrame' | 'cancelAnimationFrame' | 'performance'>,
  find: () => Element | null,
  action: () => void,
  timeoutMs = 3_000,
): () => void {
  const started = view.performance.now();
  let last: number | null = null;
  let stable = 0;
  let frame = 0;
  const tick = (): void => {
    const element = find();
    const top = element ? element.getBoundingClientRect().top : null;
    stable = top !== null && top === last ? stable + 1 : 0;
    last = top;
    if (stable >= STABLE_FRAMES) {
      action();
      return;
    }
    if (view.performance.now() - started < timeoutMs) frame = view.requestAnimationFrame(tick);
  };
  frame = view.requestAnimationFrame(tick);
  return () => view.cancelAnimationFrame(frame);
}
