/** Every IPC reply is an envelope, so an error crosses the boundary as data with a code, never as a thrown object. */
import { z } from 'zod';

/** `unavailable`: a service the desk depends on (the token endpoint) did not give what was asked; asking again may work. */
export const ERROR_CODES = ['invalid_input', 'not_found', 'wrong_state', 'storage', 'forbidden', 'unavailable', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

export const ErrorEnvelopeSchema = z.object({
  ok: z.literal(false),
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }),
});

/** Thrown inside the main process when a request cannot be served; turned into an error envelope at the boundary. */
export class DeskError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DeskError';
  }
}
