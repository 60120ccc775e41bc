/**
 * STUN/TURN servers for the call's WebRTC peer connection, as the token endpoint may hand them out with a
 * Voice token (Twilio's Network Traversal Service issues short-lived TURN credentials per session). They
 * reach the renderer because the peer connection lives there; they expire with the session.
 */
import { z } from 'zod';

const IceUrlSchema = z
  .string()
  .max(500)
  .regex(/^(stun|stuns|turn|turns):[^\s]+$/, 'An ICE server URL starts with stun:, stuns:, turn: or turns:.');

export const IceServerSchema = z
  .object({
    urls: z.union([IceUrlSchema, z.array(IceUrlSchema).min(1).max(10)]),
    username: z.string().max(500).optional(),
    credential: z.string().max(500).optional(),
  })
  .strict();
export type IceServer = z.infer<typeof IceServerSchema>;

export const IceServersSchema = z.array(IceServerSchema).max(10);
