/**
 * Size limits at the boundary. Checked before anything is parsed or stored, so an
 * oversized payload is refused cheaply and changes nothing.
 */
export const limits = {
  /** One Yjs update, base64-encoded (a 300,000-character paste fits, with room). */
  updateBase64Chars: 4 * 1024 * 1024,
  /** One whole plan state, base64-encoded. */
  stateBase64Chars: 32 * 1024 * 1024,
  /** A WebSocket frame to the browser host. */
  hostFrameBytes: 5 * 1024 * 1024,
  displayNameChars: 200,
  profileFieldChars: 200,
  planId: 64,
} as const;
