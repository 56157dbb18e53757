/**
 * Paths read by code that cannot afford the route table's schemas (the eager launcher stays under
 * 4 KB gzip); the table uses the same constants, so each path is still written once.
 */
export const WIDGET_AVAILABILITY_PATH = '/api/widget/availability';
