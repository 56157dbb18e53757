export type EmbeddingsErrorCode =
  /** No answer within the deadline. */
  | 'timeout'
  /** No connection (refused, reset, DNS). */
  | 'unreachable'
  /** The service answered with a non-2xx status. */
  | 'http_status'
  /** A 2xx answer that is not an OpenAI-style embeddings list for the inputs sent. */
  | 'bad_response';

export class EmbeddingsError extends Error {
  constructor(
    readonly code: EmbeddingsErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'EmbeddingsError';
  }
}
