/** The data or parameters given to a CLV model are unusable; the message names the first bad row and field. */
export class ClvInputError extends Error {
  override readonly name = 'ClvInputError';
  constructor(
    message: string,
    readonly row?: number,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Maximum likelihood did not converge or reached a non-finite optimum; the message says what to try. */
export class ClvFitError extends Error {
  override readonly name = 'ClvFitError';
}
