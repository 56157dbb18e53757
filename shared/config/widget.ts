import * as z from 'zod/mini';
import { VisitorMessageKey, WidgetLocale } from '../visitor-messages';

export const WidgetConfig = z.object({
  accentColor: z._default(z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/)), '#1f5fbf'),
  position: z._default(z.enum(['bottom-right', 'bottom-left']), 'bottom-right'),
  operatorAvatars: z._default(z.boolean(), true),
  defaultLocale: z._default(WidgetLocale, 'en'),
  /** Overrides of the built-in visitor-facing sentences, per locale. */
  messages: z._default(z.partialRecord(WidgetLocale, z.partialRecord(VisitorMessageKey, z.string().check(z.maxLength(500)))), {}),
  /** When every queue is closed or nobody is online: hide the launcher, or keep it and say when the team is back. */
  whenUnavailable: z._default(z.enum(['show_back_at', 'hide_launcher']), 'show_back_at'),
});
export type WidgetConfig = z.infer<typeof WidgetConfig>;
