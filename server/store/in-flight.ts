import type { MongoClient } from 'mongodb';

/**
 * How many database commands this instance has sent and not yet had answered: the sign that the
 * database is falling behind. Needs the client's `monitorCommands` (connectDatabase sets it);
 * without it the count stays 0 and only the event loop is judged.
 */
export function trackInFlightCommands(client: MongoClient): { count(): number } {
  let inFlight = 0;
  client.on('commandStarted', () => {
    inFlight++;
  });
  const done = () => {
    inFlight = Math.max(0, inFlight - 1);
  };
  client.on('commandSucceeded', done);
  client.on('commandFailed', done);
  return { count: () => inFlight };
}
