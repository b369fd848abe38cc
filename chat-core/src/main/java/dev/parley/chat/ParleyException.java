package dev.parley.chat;

import java.util.Objects;

/** The one exception family of Parley: every failure a caller can act on carries a stable {@link ErrorCode}. */
public class ParleyException extends RuntimeException {

    private final ErrorCode code;

    /** Creates an exception with a code and a message that tells the caller what to fix. */
    public ParleyException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Creates an exception with a code, a message and the underlying cause. */
    public ParleyException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The stable code of this error. */
    public ErrorCode code() {
        return code;
    }

    /** Input that breaks a rule. */
    public static ParleyException invalid(String message) {
        return new ValidationException(message);
    }

    /** Something asked for does not exist. */
    public static ParleyException notFound(String message) {
        return new NotFoundException(message);
    }

    /** The request clashes with the current state. */
    public static ParleyException conflict(String message) {
        return new ConflictException(message);
    }

    /** Input that breaks a rule (code {@link ErrorCode#VALIDATION}). */
    public static final class ValidationException extends ParleyException {
        /** Creates the exception. */
        public ValidationException(String message) {
            super(ErrorCode.VALIDATION, message);
        }
    }

    /** The thing asked for does not exist (code {@link ErrorCode#NOT_FOUND}). */
    public static final class NotFoundException extends ParleyException {
        /** Creates the exception. */
        public NotFoundException(String message) {
            super(ErrorCode.NOT_FOUND, message);
        }
    }

    /** The request clashes with the current state (code {@link ErrorCode#CONFLICT}). */
    public static final class ConflictException extends ParleyException {
        /** Creates the exception. */
        public ConflictException(String message) {
            super(ErrorCode.CONFLICT, message);
        }
    }
}
