/** Past calls: the list, refreshed whenever the store changes, and one call opened read-only. */
import { useEffect, useRef, useState } from 'react';
import type { HistoryItem } from '../../../../shared/callSchemas';
import { useDeskClient } from '../../state/deskClient';
import { HistoryList } from './HistoryList';
import { StoredCallDetail } from './StoredCallDetail';

const HISTORY_LIMIT = 200;

export function HistoryView({ agentName }: { agentName: string }) {
  const client = useDeskClient();
  const [items, setItems] = useState<HistoryItem[] | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [lastOpenedId, setLastOpenedId] = useState<string | null>(null);
  const view = useRef<HTMLDivElement>(null);

  // Bumped by the store's historyChanged event and by the Refresh button; each bump reloads the list.
  const [version, setVersion] = useState(0);
  const refresh = () => setVersion((n) => n + 1);

  useEffect(() => {
    let cancelled = false;
    void client.call('listHistory', { limit: HISTORY_LIMIT }).then((result) => {
      if (!cancelled && result.ok) setItems(result.value);
    });
    return () => {
      cancelled = true;
    };
  }, [client, version]);

  useEffect(() => client.on('historyChanged', () => setVersion((n) => n + 1)), [client]);

  // Back from a call returns focus to its row, so the keyboard user does not start from the top again.
  useEffect(() => {
    if (openId || !lastOpenedId) return;
    view.current?.querySelector<HTMLElement>(`[data-call-id="${CSS.escape(lastOpenedId)}"]`)?.focus();
  }, [openId, lastOpenedId]);

  const open = (callId: string) => {
    setLastOpenedId(callId);
    setOpenId(callId);
  };

  return (
    <div className="history-view" ref={view} aria-labelledby="history-heading">
      <div className="history-toolbar">
        <h1 id="history-heading" className="page-title">
          Call history
        </h1>
        {openId && (
          <button type="button" className="btn" onClick={() => setOpenId(null)} autoFocus>
            ← Back to list
          </button>
        )}
        {!openId && (
          <button type="button" className="btn" onClick={refresh}>
            Refresh
          </button>
        )}
      </div>
      {openId ? (
        <StoredCallDetail key={openId} callId={openId} agentName={agentName} />
      ) : items === null ? (
        <p className="muted">Loading history…</p>
      ) : (
        <HistoryList items={items} selectedId={lastOpenedId} onOpen={open} />
      )}
    </div>
  );
}
