// The request target of an HTTP request, read without throwing: a client controls every byte of
// it, and `new URL('//', base)` or `decodeURIComponent('%')` throw. A target that cannot be read
// is null, and the bridge answers 400.

export interface RequestTarget {
  /** Still %-encoded, as it came. */
  pathname: string;
  searchParams: URLSearchParams;
}

/** Origin-form targets only ("/path?query"): no absolute URLs, no "*", nothing that names another host. */
export function parseRequestTarget(raw: string | undefined): RequestTarget | null {
  if (!raw || !raw.startsWith('/')) return null;
  try {
    // A fixed authority in front keeps "//x" a path here, not a host.
    const url = new URL(`http://bridge${raw}`);
    return url.host === 'bridge' ? { pathname: url.pathname, searchParams: url.searchParams } : null;
  } catch {
    return null;
  }
}

/** The decoded text, or null when the %-escapes are malformed or decode to a NUL. */
export function decodePath(encoded: string): string | null {
  try {
    const decoded = decodeURIComponent(encoded);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}
