package dev.parley.chat.spring.web;

import java.io.IOException;

/** Thrown while reading a request body that goes past the body limit; answered 413 {@code TOO_LARGE}. */
final class BodyTooLargeException extends IOException {

    BodyTooLargeException(long maxBytes) {
        super("the request body is larger than the limit of " + InputErrors.bytes(maxBytes));
    }
}
