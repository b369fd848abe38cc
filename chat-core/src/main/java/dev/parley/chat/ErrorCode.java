package dev.parley.chat;

/** Stable error codes; each maps to exactly one HTTP status in the Spring module. */
public enum ErrorCode {
    /** Input that breaks a rule (400). */
    VALIDATION,
    /** Missing or bad credentials (401). */
    UNAUTHENTICATED,
    /** Authenticated but not allowed (403). */
    FORBIDDEN,
    /** The thing asked for does not exist, or is not the caller's (404). */
    NOT_FOUND,
    /** The request clashes with the current state, e.g. a second rating (409). */
    CONFLICT,
    /** A file or body over its limit (413). */
    TOO_LARGE,
    /** A file whose content is not an allowed type (415). */
    UNSUPPORTED_TYPE,
    /** Too many requests (429). */
    RATE_LIMITED,
    /** A backing service (file storage, the database) failed or cannot be reached (502 in HTTP: the fault is upstream). */
    STORAGE_UNAVAILABLE
}
