import { m } from '$lib/paraglide/messages.js';
import { errorText } from '$lib/i18n-labels';

const errors: Record<string, () => string> = {
	stale: m.instructions_error_stale,
	not_allowed: m.instructions_error_not_allowed,
	not_running: m.instructions_error_not_running,
	no_steps: m.instructions_error_no_steps,
	first_version: m.instructions_error_first_version
};

/** An instruction form's refusal in the reader's words; the portal's common codes otherwise. */
export const instructionErrorText = (code: string) => errors[code]?.() ?? errorText(code);
