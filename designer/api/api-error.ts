/** @module The runtime's error body as a thrown value: status, stable code, message and the issues that name the fields. */
export interface ApiIssue {
  code: string;
  path: string;
  message: string;
  params?: Record<string, unknown>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
