import type { CallbackContact } from '../../../shared/entities';
import type { CallbackOffer } from '../../../shared/visitor-protocol';
import type { ChatModel } from '../../model/chat-model-types';
import { fill } from '../../../frontend-common/format';
import { groupSlots, type SlotChoice, type SlotDay } from '../../model/callback-days';
import type { Where } from '../../model/stage-text';

// One field for either: "@" means email. The pattern mirrors CallbackContact in shared/entities.ts,
// so the browser explains a typo in the visitor's own language before anything is sent.
// Brackets, dot and hyphen are escaped inside the class: browsers compile `pattern` with the v flag.
const contactPattern = '[^@\\s]+@[^@\\s]+\\.[^@\\s]+|\\+?[0-9 \\(\\)\\.\\-]{6,24}';

function readContact(raw: string): CallbackContact {
  const value = raw.trim();
  return value.includes('@') ? { kind: 'email', value } : { kind: 'phone', value };
}

function dayGroup(day: SlotDay, choices: SlotChoice[], part: string) {
  const id = `baton-day-${part}-${day.key}`;
  return choices.length ? (
    <fieldset class="os" key={id}>
      <legend class="dy">{day.label}</legend>
      {choices.map((choice) => (
        <label class="op" key={choice.slot.start}>
          <input type="radio" name="slot" value={choice.index} />
          {choice.label}
        </label>
      ))}
    </fieldset>
  ) : null;
}

/**
 * Nobody can take the conversation now: offer a callback. Slots are grouped by the visitor's own
 * days, waking hours first and the rest behind "more times", in their zone, named once.
 */
export function CallbackForm({ model, offer, where }: { model: ChatModel; offer: CallbackOffer; where: Where }) {
  const s = model.strings.value;
  const days = groupSlots(offer.slots, where.timeZone, where.locale);
  const waking = days.some((day) => day.waking.length > 0);
  const submit = (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    // "Any time" is the empty value: no slot, so the server takes it as "get back to me when you can".
    const choice = data.get('slot');
    const slot = choice ? offer.slots[Number(choice)] : undefined;
    const note = String(data.get('note') ?? '').trim();
    model.requestCallback({ slot, contact: readContact(String(data.get('contact') ?? '')), note: note || undefined });
  };
  return (
    <form onSubmit={submit}>
      <p>{offer.slots.length ? s.callbackOffer : s.leaveMessage}</p>
      {offer.slots.length ? (
        <>
          <p class="hd" id="baton-slot-label">
            {fill(s.callbackSlotLabel, { zone: where.timeZone.replace(/_/g, ' ') })}
          </p>
          <div class="os" role="radiogroup" aria-labelledby="baton-slot-label">
            <label class="op">
              <input type="radio" name="slot" value="" defaultChecked />
              {s.callbackAnyTime}
            </label>
            {days.map((day) => dayGroup(day, day.waking, 'w'))}
            {days.some((day) => day.other.length > 0) ? (
              <details open={!waking}>
                <summary>{s.callbackMoreTimes}</summary>
                {days.map((day) => dayGroup(day, day.other, 'o'))}
              </details>
            ) : null}
          </div>
        </>
      ) : null}
      <label>
        {s.callbackContactLabel}
        <input name="contact" required pattern={contactPattern} maxLength={254} autocomplete="email" />
      </label>
      <label>
        {s.callbackNoteLabel}
        <textarea name="note" rows={2} maxLength={1000} />
      </label>
      <button type="submit" class="bt" disabled={!model.online.value || model.busy.value === 'callback'}>
        {s.callbackSubmit}
      </button>
    </form>
  );
}
