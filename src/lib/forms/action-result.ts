/**
 * Reading an action's result on a page with several forms: the server answers a failure
 * with `{ action, values, errors }`, and each form shows only what belongs to it.
 */
type ActionResult = object | null | undefined;
type Errors = Record<string, string[] | undefined>;

function belongsTo(form: ActionResult, action: string): form is { action: string } {
	return !!form && 'action' in form && form.action === action;
}

/** The field errors of this form's last submission ({} when it was another form, or fine). */
export function actionErrors(form: ActionResult, action: string): Errors {
	return belongsTo(form, action) && 'errors' in form ? ((form.errors as Errors) ?? {}) : {};
}

/** What was typed in this form when its submission failed, or null. */
export function actionValues(form: ActionResult, action: string): Record<string, string> | null {
	return belongsTo(form, action) && 'values' in form ? (form.values as Record<string, string>) : null;
}

/** The field errors of the last submission, whichever form it was, or null when it did not fail. */
export function formErrorMap(form: ActionResult): Errors | null {
	return form && 'errors' in form ? ((form.errors as Errors) ?? {}) : null;
}

/** Form-wide error codes (`_form`), whichever form failed. */
export function formErrors(form: ActionResult): string[] | undefined {
	return form && 'errors' in form ? (form.errors as Errors)?._form : undefined;
}
