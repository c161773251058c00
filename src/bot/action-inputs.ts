import { z } from 'zod';

/**
 * What our cards' buttons send back (`Action.Submit` data), validated: card inputs are untrusted.
 * - `followup`: a phrase continuing the last question ("last 7 days", a room chosen in a clarification)
 * - `ask`: a whole new question (help examples)
 * - `csv`: the data of an answer as a file
 */
export const actionInputsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('followup'), text: z.string().trim().min(1).max(500) }),
  z.object({ kind: z.literal('ask'), text: z.string().trim().min(1).max(500) }),
  z.object({
    kind: z.literal('csv'),
    workspaceIds: z.array(z.string().min(1).max(300)).min(1).max(50),
    metrics: z
      .array(z.enum(['temperature', 'humidity', 'tvoc', 'ambientNoise', 'soundLevel', 'peopleCount']))
      .min(1)
      .max(6),
    from: z.string().datetime({ offset: true }),
    to: z.string().datetime({ offset: true }),
    aggregation: z.enum(['none', 'hourly', 'daily']),
    unit: z.enum(['celsius', 'fahrenheit']).optional(),
  }),
]);

export type ActionInputs = z.infer<typeof actionInputsSchema>;
export type CsvInputs = Extract<ActionInputs, { kind: 'csv' }>;
