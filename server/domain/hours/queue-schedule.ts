import type { Schedule } from '../../../shared/config/hours';

/**
 * The schedule a queue keeps: its own weekly hours when it has them, but the site's holidays and
 * one-off closures always apply too — a site closed for Christmas is closed in every queue. A site
 * holiday is read as a local date in the queue's zone; closures are instants and need no reading.
 */
export function queueSchedule(site: Schedule, own: Schedule | undefined | null): Schedule {
  if (!own) return site;
  return {
    ...own,
    holidays: [...new Set([...site.holidays, ...own.holidays])],
    closures: [...site.closures, ...own.closures],
  };
}
