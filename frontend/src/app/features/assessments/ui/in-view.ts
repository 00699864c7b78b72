import { DestroyRef, Directive, ElementRef, afterRenderEffect, inject, input, output } from '@angular/core';

/**
 * Emits `inView` when the element comes within `inViewMargin` of the viewport (the sentinel that
 * renders the next cards), and again each time `appInView` (e.g. the number of cards rendered)
 * changes while it is still that close. Without IntersectionObserver it never emits: the page's
 * "show more" button is there for that case and for keyboard users.
 */
@Directive({ selector: '[appInView]' })
export class InView {
  /** Any value: a change observes the element afresh. */
  readonly appInView = input<unknown>();
  readonly inViewMargin = input('600px');
  readonly inView = output();

  constructor() {
    const element = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    let observer: IntersectionObserver | undefined;
    inject(DestroyRef).onDestroy(() => observer?.disconnect());
    afterRenderEffect(() => {
      this.appInView();
      observer?.disconnect();
      if (typeof IntersectionObserver === 'undefined') return;
      observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((entry) => entry.isIntersecting)) return;
          observer?.disconnect();
          this.inView.emit();
        },
        { rootMargin: this.inViewMargin() },
      );
      observer.observe(element);
    });
  }
}
