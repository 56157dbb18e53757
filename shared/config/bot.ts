import { z } from 'zod/mini';

// Placeholder: the bot's issue fills in the knowledge base and webhook settings.
export const BotConfig = z.object({});
export type BotConfig = z.infer<typeof BotConfig>;
