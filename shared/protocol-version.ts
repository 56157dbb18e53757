// The socket protocol between widget/inbox and server. The server accepts every version from
// OLDEST_SUPPORTED_PROTOCOL_VERSION to PROTOCOL_VERSION, so a visitor whose browser still holds an
// older widget keeps chatting across a deploy; anything outside the range is refused at the
// handshake with close code PROTOCOL_CLOSE_CODE and reason 'unsupported_version'.
// Bump PROTOCOL_VERSION when the wire contract changes; raise the oldest only when the server
// can no longer speak it (and at least a launcher cache lifetime after widgets moved on).
// History (one line per version):
//   1 - first version: visitor and operator sockets, handoff states, callbacks.
//   2 - sockets accept a range of versions; welcome.protocolVersion is the server's current version,
//       which may be newer than the one asked for (no frame changed shape: version-1 clients work).
export const PROTOCOL_VERSION = 2;

/** The oldest version the server still speaks. */
export const OLDEST_SUPPORTED_PROTOCOL_VERSION = 1;

/** Whether a socket asking for version `v` (the `v` query parameter, as sent) may connect. */
export function isSupportedProtocolVersion(v: unknown): boolean {
  const version = typeof v === 'string' && /^\d{1,6}$/.test(v) ? Number(v) : v;
  return Number.isInteger(version) && (version as number) >= OLDEST_SUPPORTED_PROTOCOL_VERSION && (version as number) <= PROTOCOL_VERSION;
}

export const PROTOCOL_CLOSE_CODE = 4400;

/** Largest inbound frame, in bytes, either socket accepts. */
export const MAX_FRAME_BYTES = 16 * 1024;

/** Longest message text a visitor or operator may send. */
export const MAX_MESSAGE_CHARS = 4000;
