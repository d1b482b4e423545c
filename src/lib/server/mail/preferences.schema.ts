import { z } from 'zod';
import { MAIL_DELIVERIES, MAIL_GROUPS, type MailDelivery, type MailGroup } from './kinds.js';

/** One group's choice: immediately, in the daily digest, or only in the portal. */
const delivery = z.enum(MAIL_DELIVERIES, { message: 'choose_delivery' });

/**
 * The e-mail settings form: one radio group per mail group, each named after its group
 * (`my_ideas=immediate&news=off&...`). Every group must be answered; the page always sends
 * all six, since each radio group starts on the person's current choice.
 */
export const mailPreferencesSchema = z.object(
	Object.fromEntries(MAIL_GROUPS.map((group) => [group, delivery])) as Record<MailGroup, typeof delivery>
);
export type MailPreferencesInput = Record<MailGroup, MailDelivery>;
