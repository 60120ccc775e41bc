/** The Electron adapter of the ring alert, with electron replaced by a recording stand-in (no binary needed). */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls: string[] = [];
const notifications: { options: Record<string, unknown>; handlers: Record<string, () => void> }[] = [];

vi.mock('electron', () => {
  class Notification {
    static isSupported = () => true;
    handlers: Record<string, () => void> = {};
    constructor(public options: Record<string, unknown>) {
      notifications.push(this);
    }
    on(event: string, handler: () => void) {
      this.handlers[event] = handler;
      return this;
    }
    show() {
      calls.push('notification.show');
    }
    close() {
      calls.push('notification.close');
    }
  }
  return {
    Notification,
    app: { setBadgeCount: (count: number) => calls.push(`badge ${count}`) },
    nativeImage: { createFromDataURL: (url: string) => ({ url }) },
  };
});

const { createShellRingAlert } = await import('../../../src/main/electron/shellRingAlert');

function fakeWindow(focused: boolean) {
  return {
    isDestroyed: () => false,
    isFocused: () => focused,
    isMinimized: () => true,
    restore: () => calls.push('window.restore'),
    show: () => calls.push('window.show'),
    focus: () => calls.push('window.focus'),
    flashFrame: (on: boolean) => calls.push(`flash ${on}`),
    setOverlayIcon: (icon: unknown) => calls.push(icon ? 'overlay on' : 'overlay off'),
  };
}

const alert = { callId: 'c1', title: 'Incoming escalated call: Dana', body: 'Click to accept.' };

beforeEach(() => {
  calls.length = 0;
  notifications.length = 0;
});

describe('the shell ring alert', () => {
  it('shows a silent notification, flashes an unfocused window and sets the badge; clicking brings the window forward and accepts', () => {
    const accepted: string[] = [];
    const window = fakeWindow(false);
    const port = createShellRingAlert({ window: () => window as never, accept: (callId) => accepted.push(callId) });
    port.show(alert);
    expect(notifications[0]!.options).toMatchObject({ title: alert.title, body: alert.body, silent: true });
    expect(calls).toEqual(expect.arrayContaining(['notification.show', 'flash true', 'badge 1']));
    notifications[0]!.handlers.click!();
    expect(calls).toEqual(expect.arrayContaining(['window.restore', 'window.show', 'window.focus']));
    expect(accepted).toEqual(['c1']);
  });

  it('does not flash a window the agent is already looking at', () => {
    const port = createShellRingAlert({ window: () => fakeWindow(true) as never, accept: () => {} });
    port.show(alert);
    expect(calls).not.toContain('flash true');
  });

  it('clears everything when the ring stops', () => {
    const port = createShellRingAlert({ window: () => fakeWindow(false) as never, accept: () => {} });
    port.show(alert);
    calls.length = 0;
    port.clear('c1');
    expect(calls).toEqual(expect.arrayContaining(['notification.close', 'flash false', 'badge 0']));
  });
});
