// The raw ws baseline of idle.ts in a process of its own (run with --expose-gc), as the app's server
// is in the bench's: tells its parent { url }, then answers 'rss' with { rss, clients } once settled.
import { startRawRelay } from './baselines';
import { settledRss } from './stats';

const relay = await startRawRelay();
process.send?.({ url: relay.url });
process.on('message', async (m) => {
  if (m === 'rss') process.send?.({ rss: await settledRss(), clients: relay.clients() });
});
