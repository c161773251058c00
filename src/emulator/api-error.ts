/** An error the emulator answers with a Webex-shaped error body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly description: string = message,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (description: string): ApiError =>
  new ApiError(400, 'The request was invalid or cannot be otherwise served.', description);

export const notFound = (description = 'The requested resource could not be found.'): ApiError =>
  new ApiError(404, 'The requested resource could not be found.', description);

export const forbidden = (description: string): ApiError =>
  new ApiError(
    403,
    'The server understood the request, but refused to fulfill it because the access token is missing required scopes or the user is missing required roles or licenses.',
    description,
  );

export const unauthorized = (description: string): ApiError =>
  new ApiError(
    401,
    'The request requires a valid access token set in the Authorization request header.',
    description,
  );

export const conflict = (description: string): ApiError =>
  new ApiError(
    409,
    'The request could not be processed because it conflicts with some established rule of the system.',
    description,
  );
