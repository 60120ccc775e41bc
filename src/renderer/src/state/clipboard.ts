/**
 * Copies text for the agent to paste elsewhere (a ticket, a chat). Nothing leaves the machine: the text
 * goes to the system clipboard only.
 */

/** Resolves true when the text is on the clipboard. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // The async clipboard can be refused (a session permission handler, an unfocused page); the
    // selection-based copy still works from a key press or a click, which is how this is reached.
    return copyThroughSelection(text);
  }
}

function copyThroughSelection(text: string): boolean {
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'visually-hidden';
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    previous?.focus({ preventScroll: true });
  }
}
