import { useEffect } from 'preact/hooks';
import { visitorExportUrl } from '../api-client';
import { useApp } from './app-context';

/** Admins: download everything stored about the open conversation's visitor, or erase it after confirming. */
export function VisitorDataActions() {
  const { conversation, session, visitorData } = useApp();
  const detail = conversation.detail.value;
  const openId = conversation.openId.value;
  useEffect(() => visitorData.reset(), [openId]);
  if (!session.isAdmin.value || !detail) return null;
  const { siteId } = detail.conversation;
  const { visitorId } = detail;
  const message = visitorData.message.value;
  return (
    <section class="visitor-data" aria-label="Visitor's data">
      <a class="button" href={visitorExportUrl(siteId, visitorId)} download={`visitor-${visitorId}.json`}>
        Export visitor data
      </a>
      {visitorData.confirming.value ? (
        <>
          <span>Erase this visitor's messages and personal data everywhere? This cannot be undone.</span>
          <button type="button" class="danger" disabled={visitorData.busy.value} onClick={() => void visitorData.erase(siteId, visitorId)}>
            Erase now
          </button>
          <button type="button" disabled={visitorData.busy.value} onClick={() => visitorData.cancelErase()}>
            Cancel
          </button>
        </>
      ) : (
        <button type="button" onClick={() => visitorData.askToErase()}>
          Erase visitor data…
        </button>
      )}
      {message ? (
        <p class={visitorData.failed.value ? 'error' : 'muted'} role={visitorData.failed.value ? 'alert' : 'status'}>
          {message}
        </p>
      ) : null}
    </section>
  );
}
