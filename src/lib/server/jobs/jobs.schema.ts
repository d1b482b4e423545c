import { z } from 'zod';
import { QUEUE_NAMES } from './queues.js';

/** "Run now" on a queue's row. */
export const runJobSchema = z.object({ queue: z.enum(QUEUE_NAMES) });

/** "Retry" on a failure's row: pg-boss's job ids are UUIDs. */
export const retryJobSchema = z.object({ queue: z.enum(QUEUE_NAMES), jobId: z.uuid() });

export type RetryJobInput = z.output<typeof retryJobSchema>;
