import { describe, expect, it } from 'vitest';
import { filterCommands, listCommands, shortcutGroups, unavailableWords } from '../../../src/renderer/src/commandList';
import { KEY_BINDINGS, keyHint, type KeyAction } from '../../../src/renderer/src/keyBindings';

const ACTIONS = Object.keys(KEY_BINDINGS) as KeyAction[];

describe('the command palette and the shortcut overlay come from the one key-binding table', () => {
  it('the palette lists every action with its key, the ones that can run now first', () => {
    const commands = listCommands((action) => action === 'hangUp' || action === 'focusNotes');
    expect(commands.map((command) => command.action).sort()).toEqual([...ACTIONS].sort());
    expect(commands.slice(0, 2).map((command) => command.action)).toEqual(['hangUp', 'focusNotes']);
    expect(commands.find((command) => command.action === 'hangUp')).toMatchObject({ keys: 'Ctrl+Shift+H', available: true });
  });

  it('the overlay shows every action once, grouped', () => {
    const rows = shortcutGroups().flatMap((group) => group.entries.map((entry) => entry.action));
    expect(rows.sort()).toEqual([...ACTIONS].sort());
    expect(shortcutGroups().map((group) => group.words)).toContain('A call is ringing');
  });

  it.each([
    ['', ACTIONS.length],
    ['HANG', 1],
    ['notes focus', 1],
    ['ctrl+shift+h', 1],
    ['ringing', 2],
    ['nothing like this', 0],
  ])('filter %j → %d', (query, count) => {
    expect(
      filterCommands(
        listCommands(() => true),
        query,
      ),
    ).toHaveLength(count);
  });

  it('says why a command cannot run', () => {
    const commands = listCommands(() => false);
    const words = (action: KeyAction) => unavailableWords(commands.find((command) => command.action === action)!);
    expect(words('hangUp')).toBe('only when: in a call');
    expect(words('pinItem')).toBe('use it inside the assist panel');
    expect(words('ringDemo')).toBe('not available right now');
  });
});

describe('keys', () => {
  it('Esc declines nothing: it is everyone’s close key', () => {
    for (const action of ACTIONS) expect(KEY_BINDINGS[action].keys, action).not.toContain('Escape');
    expect(keyHint('decline')).toBe('D');
  });

  it('no two actions share a key', () => {
    const seen = new Map<string, string>();
    for (const action of ACTIONS) {
      for (const key of KEY_BINDINGS[action].keys) {
        const normal = key.toLowerCase();
        // The assist panel's keys are bound on the panel only; p there is not the window's p.
        const scope = 'region' in KEY_BINDINGS[action] ? 'panel' : 'window';
        expect(seen.get(`${scope}:${normal}`), `${action} and ${seen.get(`${scope}:${normal}`)} both use ${key}`).toBeUndefined();
        seen.set(`${scope}:${normal}`, action);
      }
    }
  });

  it('optional modifiers are not printed', () => {
    expect(keyHint('shortcutOverlay')).toBe('?');
    expect(keyHint('commandPalette')).toBe('Ctrl+K');
    expect(keyHint('openSettings')).toBe('Ctrl+,');
  });
});
