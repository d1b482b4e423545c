/** What a person typed in a form, field by field (files left out; several values joined by ", "). */
export type FormValues = Record<string, string>;

export function formValues(form: FormData | URLSearchParams): FormValues {
	const values: FormValues = {};
	for (const key of new Set(form.keys())) {
		const texts = form.getAll(key).filter((v): v is string => typeof v === 'string');
		if (texts.length) values[key] = texts.join(', ');
	}
	return values;
}
