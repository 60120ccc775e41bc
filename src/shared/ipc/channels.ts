/** Channel names only, so the sandboxed preload can import them without pulling in zod. */
export const IPC_INVOKE_CHANNEL = 'desk:invoke';
export const IPC_EVENT_CHANNEL = 'desk:event';
