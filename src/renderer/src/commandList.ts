/**
 * The command palette's and the shortcut overlay's rows, both made from the one key-binding table
 * (keyBindings.ts), so neither can list a key the app does not bind or miss one it does.
 */
import { KEY_BINDINGS, KEY_GROUP_WORDS, keyHint, type KeyAction, type KeyGroup } from './keyBindings';

export interface Command {
  action: KeyAction;
  label: string;
  /** The keys as printed on the buttons ("Ctrl+Shift+H"). */
  keys: string;
  group: KeyGroup;
  /** Whether running it now would do something; the rest are listed with the reason they are not. */
  available: boolean;
}

const ACTIONS = Object.keys(KEY_BINDINGS) as KeyAction[];

/** Every action, in the table's order, the ones that can run now first. */
export function listCommands(available: (action: KeyAction) => boolean): Command[] {
  const commands = ACTIONS.map((action) => {
    const { label, group } = KEY_BINDINGS[action];
    return { action, label, keys: keyHint(action), group, available: available(action) };
  });
  return [...commands.filter((command) => command.available), ...commands.filter((command) => !command.available)];
}

/** Every word of the query must appear in the label, the keys or the group's words (any case, any order). */
export function filterCommands(commands: readonly Command[], query: string): Command[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...commands];
  return commands.filter((command) => {
    const text = `${command.label} ${command.keys} ${KEY_GROUP_WORDS[command.group]}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

export interface ShortcutGroup {
  group: KeyGroup;
  words: string;
  entries: { action: KeyAction; label: string; keys: string }[];
}

/** The overlay's sections: the table grouped by where each key applies, groups in first-use order. */
export function shortcutGroups(): ShortcutGroup[] {
  const groups = new Map<KeyGroup, ShortcutGroup>();
  for (const action of ACTIONS) {
    const { label, group } = KEY_BINDINGS[action];
    const entry = groups.get(group) ?? { group, words: KEY_GROUP_WORDS[group], entries: [] };
    entry.entries.push({ action, label, keys: keyHint(action) });
    groups.set(group, entry);
  }
  return [...groups.values()];
}

/** Why a listed command cannot run now, in the agent's words. */
export function unavailableWords(command: Command): string {
  if ('region' in KEY_BINDINGS[command.action]) return 'use it inside the assist panel';
  return command.group === 'anywhere' ? 'not available right now' : `only when: ${KEY_GROUP_WORDS[command.group].toLowerCase()}`;
}
