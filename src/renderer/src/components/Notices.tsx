import { useKeyBindings } from '../keyBindings';
import { dismissNotice, useNotices } from '../state/noticeStore';

/**
 * Errors and notices, in a tray under the desk (in the flow, so a notice never covers the notes); each
 * expires (noticeStore) or is dismissed. The tray is one polite log; an error is also an alert.
 */
export function Notices() {
  const notices = useNotices();
  const newest = notices.at(-1);
  useKeyBindings({ dismissNotice: newest ? () => dismissNotice(newest.id) : undefined });
  return (
    <div className="notices" role="log" aria-label="Notices">
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={`notice notice-${notice.level}`}
          data-testid="notice"
          data-level={notice.level}
          role={notice.level === 'error' ? 'alert' : undefined}
        >
          <span className="notice-text" dir="auto">
            {notice.message}
            {notice.count > 1 && <span className="notice-count"> ×{notice.count}</span>}
          </span>
          <button
            type="button"
            className="notice-dismiss"
            aria-label={`Dismiss: ${notice.message}`}
            onClick={() => dismissNotice(notice.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
