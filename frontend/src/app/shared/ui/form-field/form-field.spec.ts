import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { I18n } from '../../../core/i18n/i18n';
import { FormField, SERVER_ERROR } from './form-field';

/** A page's form with one field, as the identity pages write it. */
@Component({
  imports: [FormField, ReactiveFormsModule],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <app-form-field
        label="account.signIn"
        type="password"
        autocomplete="new-password"
        testId="secret"
        hint="errors.dismiss"
        serverErrorTestId="secret-error"
        [control]="form.controls.secret"
        [errors]="{ required: 'nav.home', minlength: 'nav.status' }"
      />
      <button type="submit">Go</button>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Page {
  readonly form = inject(NonNullableFormBuilder).group({
    secret: ['', [Validators.required.bind(Validators), Validators.minLength(4)]],
  });

  submit(): void {
    if (this.form.invalid) this.form.markAllAsTouched();
  }
}

describe('FormField', () => {
  let fixture: ComponentFixture<Page>;

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const input = (): HTMLInputElement => element().querySelector('input')!;
  const errorText = (): string | undefined => element().querySelector('mat-error')?.textContent?.trim();
  const describedBy = (): HTMLElement[] =>
    (input().getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => element().querySelector<HTMLElement>(`[id="${id}"]`)!);

  async function type(value: string): Promise<void> {
    input().value = value;
    input().dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  async function submit(): Promise<void> {
    element().querySelector('button')!.click();
    await fixture.whenStable();
  }

  beforeEach(async () => {
    localStorage.clear();
    jest.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    fixture = TestBed.createComponent(Page);
    await fixture.whenStable();
  });

  afterEach(() => jest.restoreAllMocks());

  it('labels its input and describes it with the hint', () => {
    const label = element().querySelector('label')!;
    expect(label.textContent?.trim()).toBe('Sign in');
    expect(label.getAttribute('for')).toBe(input().id);
    expect(input().type).toBe('password');
    expect(input().getAttribute('autocomplete')).toBe('new-password');
    expect(input().dataset['testid']).toBe('secret');
    expect(describedBy().map((node) => node.textContent?.trim())).toEqual(['Dismiss']);
    expect(input().getAttribute('aria-invalid')).toBe('false');
    expect(errorText()).toBeUndefined();
  });

  it('shows the first error once the page marks the field touched, and ties it to the input', async () => {
    await submit();
    expect(errorText()).toBe('Home');
    expect(input().getAttribute('aria-invalid')).toBe('true');
    expect(describedBy().map((node) => node.textContent?.trim())).toEqual(['Home']);

    await type('abc');
    expect(errorText()).toBe('System status');
    await type('abcd');
    expect(errorText()).toBeUndefined();
    expect(input().getAttribute('aria-invalid')).toBe('false');
  });

  it('shows the API’s own sentence under its test id', async () => {
    await type('abcd');
    const control = fixture.componentInstance.form.controls.secret;
    control.setErrors({ [SERVER_ERROR]: 'This password is too common.' });
    control.markAsTouched();
    await fixture.whenStable();
    const error = element().querySelector('mat-error');
    expect(error?.textContent?.trim()).toBe('This password is too common.');
    expect(error?.getAttribute('data-testid')).toBe('secret-error');
    expect(input().getAttribute('aria-invalid')).toBe('true');
  });

  it('follows the language', async () => {
    await submit();
    TestBed.inject(I18n).setLocale('fr');
    await fixture.whenStable();
    expect(element().querySelector('label')?.textContent?.trim()).toBe('Se connecter');
    expect(errorText()).toBe('Accueil');
  });
});
