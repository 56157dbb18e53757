import { type Weekday, weekdays } from '../../shared/config/hours';
import { formatShifts, parseList, parseShifts } from '../models/settings-rules';
import { FieldIssues, useIssueProps } from './FieldIssues';
import { useApp } from './app-context';

const dayNames: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

function DayField({ day }: { day: Weekday }) {
  const { settings } = useApp();
  const path = `hours.weekly.${day}`;
  const props = useIssueProps(path);
  const shifts = settings.draft.value?.hours.weekly[day] ?? [];
  function commit(text: string) {
    const parsed = parseShifts(text);
    settings.setFieldProblem(path, parsed.ok ? null : parsed.message);
    if (parsed.ok)
      settings.update((d) => {
        d.hours.weekly[day] = parsed.shifts;
      });
  }
  return (
    <div class="field">
      <label for={`hours-${day}`}>{dayNames[day]}</label>
      <input
        id={`hours-${day}`}
        type="text"
        placeholder="closed"
        defaultValue={formatShifts(shifts)}
        {...props}
        onChange={(e) => commit(e.currentTarget.value)}
      />
      <FieldIssues path={path} />
    </div>
  );
}

export function HoursForm() {
  const { settings } = useApp();
  const zoneProps = useIssueProps('hours.timeZone');
  const holidayProps = useIssueProps('hours.holidays');
  const hours = settings.draft.value?.hours;
  if (!hours) return null;
  return (
    <fieldset>
      <legend>Opening hours of the team</legend>
      <p class="muted">Times in the schedule's zone, like 09:00-12:00, 13:00-17:00. Leave a day empty when closed.</p>
      <div class="field">
        <label for="hours-zone">Time zone (IANA, e.g. Europe/Berlin)</label>
        <input
          id="hours-zone"
          type="text"
          value={hours.timeZone}
          {...zoneProps}
          onChange={(e) =>
            settings.update((d) => {
              d.hours.timeZone = e.currentTarget.value.trim();
            })
          }
        />
        <FieldIssues path="hours.timeZone" />
      </div>
      <div class="grid-days">
        {weekdays.map((day) => (
          <DayField key={day} day={day} />
        ))}
      </div>
      <div class="field">
        <label for="hours-holidays">Holidays (YYYY-MM-DD, comma separated)</label>
        <input
          id="hours-holidays"
          type="text"
          value={hours.holidays.join(', ')}
          {...holidayProps}
          onChange={(e) =>
            settings.update((d) => {
              d.hours.holidays = parseList(e.currentTarget.value);
            })
          }
        />
        <FieldIssues path="hours.holidays" />
      </div>
      <FieldIssues path="hours.closures" />
      <FieldIssues path="hours" exact />
    </fieldset>
  );
}
