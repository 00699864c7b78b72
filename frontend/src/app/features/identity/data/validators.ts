import { type ValidatorFn, Validators } from '@angular/forms';

/** `Validators` as plain functions (no unbound `this`). */
export const required: ValidatorFn = (control) => Validators.required(control);
export const email: ValidatorFn = (control) => Validators.email(control);
