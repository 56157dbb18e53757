export { CALLBACK_LEAD_MINUTES, callbackSlots } from './hours/callback-slots';
export { queueSchedule } from './hours/queue-schedule';
export { hasAnyHours, type OpenInterval, openIntervals } from './hours/intervals';
export {
  type Availability,
  CLOSING_HORIZON_DAYS,
  isOpenAt,
  NEXT_OPENING_HORIZON_DAYS,
  nextOpening,
  nextOpeningFor,
} from './hours/opening';
