import { z } from 'zod';
import { IncidentLevel, IncidentStatus } from './board.ts';

/** Which parts of the board the organizer shares with the client (per board, owners choose). */
export const ClientViewSettings = z.object({
  progress: z.boolean(),
  attendance: z.boolean(),
  incidents: z.boolean(),
  updates: z.boolean(),
});
export type ClientViewSettings = z.infer<typeof ClientViewSettings>;

/**
 * The redacted board a client link receives over Socket.IO (`client:view`). It never holds a
 * person's name (guest or staff), a phone number, an email, a note, or an internal timeline entry.
 */
export const ClientView = z.object({
  boardName: z.string(),
  timezone: z.string(),
  generatedAt: z.string(),
  sections: ClientViewSettings,
  progress: z
    .object({
      done: z.number(),
      total: z.number(),
      verified: z.number(),
      bySection: z.array(z.object({ title: z.string(), done: z.number(), total: z.number() })),
    })
    .optional(),
  attendance: z
    .object({
      arrived: z.number(),
      expected: z.number(),
      byTag: z.array(z.object({ tag: z.string(), arrived: z.number(), expected: z.number() })),
      curve: z.array(z.object({ at: z.string(), arrived: z.number() })),
    })
    .optional(),
  incidents: z
    .object({
      byLevel: z.array(
        z.object({ level: IncidentLevel, open: z.number(), acknowledged: z.number(), resolved: z.number() }),
      ),
      list: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          level: IncidentLevel,
          status: IncidentStatus,
          raisedAt: z.string(),
        }),
      ),
    })
    .optional(),
  updates: z
    .array(z.object({ at: z.string(), incidentTitle: z.string(), kind: z.string(), text: z.string() }))
    .optional(),
});
export type ClientView = z.infer<typeof ClientView>;
