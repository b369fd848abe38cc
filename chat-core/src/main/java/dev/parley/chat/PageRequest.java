package dev.parley.chat;

/**
 * A page of a listing: zero-based page number and size (1 to 200).
 *
 * @param page zero-based page number
 * @param size items per page
 */
public record PageRequest(int page, int size) {

    /** The largest page size. */
    public static final int MAX_SIZE = 200;

    /** Checks the bounds. */
    public PageRequest {
        if (page < 0) {
            throw ParleyException.invalid("page must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ParleyException.invalid("page size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
    }

    /** The first page of the given size. */
    public static PageRequest first(int size) {
        return new PageRequest(0, size);
    }

    /** The number of items before this page. */
    public long offset() {
        return (long) page * size;
    }
}
