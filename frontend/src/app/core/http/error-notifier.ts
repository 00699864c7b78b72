import { Injectable, Injector, PendingTasks, inject } from '@angular/core';
import { type MatSnackBar } from '@angular/material/snack-bar';

const SNACK_BAR_DURATION_MS = 10_000;

/**
 * Shows error messages in a Material snack bar. The snack bar (and the CDK overlay under it) is
 * loaded on demand to keep it out of the initial bundle; `preload()` fetches it once the app has
 * rendered, so it is already there when the server becomes unreachable.
 */
@Injectable({ providedIn: 'root' })
export class ErrorNotifier {
  private readonly injector = inject(Injector);
  private readonly pendingTasks = inject(PendingTasks);
  private snackBar?: Promise<MatSnackBar>;

  preload(): Promise<MatSnackBar> {
    this.snackBar ??= import('@angular/material/snack-bar').then((m) => this.injector.get(m.MatSnackBar));
    return this.snackBar;
  }

  /** Opens the snack bar; the app counts as busy until it is on screen. */
  show(message: string, action: string): void {
    this.pendingTasks.run(async () => {
      try {
        const snackBar = await this.preload();
        snackBar.open(message, action, { duration: SNACK_BAR_DURATION_MS, politeness: 'assertive' });
      } catch (error: unknown) {
        // The snack bar chunk itself could not be loaded: the console is all that is left.
        this.snackBar = undefined;
        console.error(message, error);
      }
    });
  }
}
