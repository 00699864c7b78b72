import { whenSettled } from './score-question-link';

/** A window whose animation frames the test runs one by one. */
function fakeView(): {
  view: Parameters<typeof whenSettled>[0];
  frame: () => void;
} {
  let now = 0;
  let callbacks: FrameRequestCallback[] = [];
  return {
    view: {
      performance: { now: () => now } as Performance,
      requestAnimationFrame: (callback) => callbacks.push(callback),
      cancelAnimationFrame: () => {
        callbacks = [];
      },
    },
    frame: () => {
      now += 16;
      const due = callbacks;
      callbacks = [];
      for (const callback of due) callback(now);
    },
  };
}

function elementAt(top: () => number): Element {
  return { getBoundingClientRect: () => ({ top: top() }) as DOMRect } as Element;
}

describe('whenSettled', () => {
  it('waits for the element to appear and stop moving, then acts once', () => {
    const { view, frame } = fakeView();
    const action = jest.fn();
    let element: Element | null = null;
    let top = 100;
    whenSettled(view, () => element, action);
    frame();
    frame();
    expect(action).not.toHaveBeenCalled();
    element = elementAt(() => top);
    frame();
    top = 400; // more content rendered above it
    frame();
    frame();
    frame();
    expect(action).not.toHaveBeenCalled();
    frame();
    expect(action).toHaveBeenCalledTimes(1);
    frame();
    frame();
    expect(action).toHaveBeenCalledTimes(1);
  });

  it('gives up after the timeout and can be cancelled', () => {
    const missing = fakeView();
    const never = jest.fn();
    whenSettled(missing.view, () => null, never, 100);
    for (let i = 0; i < 20; i++) missing.frame();
    expect(never).not.toHaveBeenCalled();

    const cancelled = fakeView();
    const action = jest.fn();
    const cancel = whenSettled(cancelled.view, () => elementAt(() => 10), action);
    cancelled.frame();
    cancel();
    for (let i = 0; i < 5; i++) cancelled.frame();
    expect(action).not.toHaveBeenCalled();
  });
});
