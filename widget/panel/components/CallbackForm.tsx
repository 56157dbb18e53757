import type { CallbackContact } from '../../../shared/entities';
import type { CallbackOffer } from '../../../shared/visitor-protocol';
import type { ChatModel } from '../../model/chat-model-types';
import { fill, formatSlot } from '../../../frontend-common/format';
import type { Where } from '../../model/stage-text';

// One field for either: "@" means email. The pattern mirrors CallbackContact in shared/entities.ts,
// so the browser explains a typo in the visitor's own language before anything is sent.
// Brackets, dot and hyphen are escaped inside the class: browsers compile `pattern` with the v flag.
const contactPattern = '[^@\\s]+@[^@\\s]+\\.[^@\\s]+|\\+?[0-9 \\(\\)\\.\\-]{6,24}';

function readContact(raw: string): CallbackContact {
  const value = raw.trim();
  return value.includes('@') ? { kind: 'email', value } : { kind: 'phone', value };
}

/** Nobody can take the conversation now: offer a callback at a slot shown in the visitor's zone. */
export function CallbackForm({ model, offer, where }: { model: ChatModel; offer: CallbackOffer; where: Where }) {
  const s = model.strings.value;
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
            {fill(s.callbackSlotLabel, { zone: where.timeZone })}
          </p>
          <div class="os" role="radiogroup" aria-labelledby="baton-slot-label">
            <label class="op">
              <input type="radio" name="slot" value="" defaultChecked />
              {s.callbackAnyTime}
            </label>
            {offer.slots.map((slot, i) => (
              <label class="op" key={slot.start}>
                <input type="radio" name="slot" value={i} />
                {formatSlot(slot, where.locale, where.timeZone, offer.siteTimeZone)}
              </label>
            ))}
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
