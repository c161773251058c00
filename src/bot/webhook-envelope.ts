import { z } from 'zod';

/** A webhook delivery as Webex sends it: ids only in `data`. Validated before anything reads it. */
export const webhookEnvelopeSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  resource: z.enum(['messages', 'memberships', 'rooms', 'attachmentActions']),
  event: z.string().min(1),
  actorId: z.string().optional(),
  createdBy: z.string().optional(),
  data: z
    .object({
      id: z.string().min(1),
      roomId: z.string().optional(),
      roomType: z.enum(['direct', 'group']).optional(),
      personId: z.string().optional(),
      personEmail: z.string().optional(),
      messageId: z.string().optional(),
      created: z.string().optional(),
    })
    .passthrough(),
});

export type Delivery = z.infer<typeof webhookEnvelopeSchema>;
