import * as z from 'zod/mini';
import { Callback, OperatorIdentity, Presence } from '../../shared/operator-protocol';
import { SiteConfig } from '../../shared/site-config';

// Bodies the inbox reads that shared/http.ts does not define yet. They belong
// there; once the lead moves them, this file re-exports or disappears.

export const SiteSummary = z.object({ siteId: z.string(), name: z.string(), siteKey: z.string() });
export type SiteSummary = z.infer<typeof SiteSummary>;
export const SitesResponse = z.object({ sites: z.array(SiteSummary) });

export const OperatorSummary = z.object({
  operatorId: z.string(),
  name: z.string(),
  presence: Presence,
  capacity: z.number(),
  /** Active conversations owned now (a number), or whether the account is active (a boolean). */
  active: z.union([z.number(), z.boolean()]),
});
export type OperatorSummary = z.infer<typeof OperatorSummary>;
export const OperatorsResponse = z.object({ operators: z.array(OperatorSummary) });

export const SiteConfigResponse = z.object({ config: SiteConfig });

/** The done endpoint may answer with the updated callback or with nothing. */
export const CallbackDoneResponse = z.optional(z.nullable(z.object({ callback: z.optional(Callback) })));

/** PUT /api/me/presence may echo the operator; the inbox accepts an empty body too. */
export const PresenceResponse = z.optional(z.nullable(z.object({ operator: z.optional(OperatorIdentity) })));
