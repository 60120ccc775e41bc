import { useKeyBindings } from '../keyBindings';
import { dismissNotice, useNotices } from '../state/noticeStore';

/** Errors and notices, bottom-right; errors stay until dismissed. */
export function Notices() {
  const notices = useNotices();
  const newest = notices.at(-1);
  useKeyBindings({ dismissNotice: newest ? () => dismissNotice(newest.id) : undefined });
  return (
    <div className="notices" aria-live="polite" aria-label="Notices">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.level}`} data-testid="notice" data-level={notice.level} role={notice.level === 'error' ? 'alert' : 'status'}>
          <span className="notice-text" dir="auto">
            {notice.message}
            {notice.count > 1 && <span className="notice-count"> ×{notice.count}</span>}
          </span>
          <button type="button" className="notice-dismiss" aria-label="Dismiss" onClick={() => dismissNotice(notice.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
