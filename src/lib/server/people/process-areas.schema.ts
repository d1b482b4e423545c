import { z } from 'zod';
import { textField } from '../http/fields.js';

export const processAreaSchema = z.object({
	code: z
		.string()
		.trim()
		.transform((v) => v.toLowerCase())
		.pipe(z.string().regex(/^[a-z0-9-]{2,40}$/, { message: 'process_area_code' })),
	nameEn: textField(80).pipe(z.string().min(1, { message: 'required' })),
	nameNl: textField(80).pipe(z.string().min(1, { message: 'required' }))
});
