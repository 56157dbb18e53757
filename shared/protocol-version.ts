// Bump when a frame changes incompatibly; the server refuses other versions at
// the handshake with close code PROTOCOL_CLOSE_CODE and reason 'unsupported_version'.
// History:
//   1 - first version: visitor and operator sockets, handoff states, callbacks.
export const PROTOCOL_VERSION = 1;

/** One application close code for every fatal socket error; the reason says which. */
export const PROTOCOL_CLOSE_CODE = 4400;

/** Largest inbound frame, in bytes, either socket accepts. */
export const MAX_FRAME_BYTES = 16 * 1024;

/** Longest message text a visitor or operator may send. */
export const MAX_MESSAGE_CHARS = 4000;
