import { z } from 'zod/mini';

// Placeholder: the trigger engine's issue fills in every trigger's settings.
export const TriggersConfig = z.object({});
export type TriggersConfig = z.infer<typeof TriggersConfig>;
