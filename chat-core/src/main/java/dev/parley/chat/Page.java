package dev.parley.chat;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing.
 *
 * @param items the items of this page
 * @param page  zero-based page number
 * @param size  the page size asked for
 * @param total the number of items over all pages
 * @param <T>   the item type
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** Copies the list. */
    public Page {
        items = List.copyOf(items);
    }

    /** The number of pages. */
    public long totalPages() {
        return (total + size - 1) / size;
    }

    /** This page with each item mapped. */
    public <R> Page<R> map(Function<? super T, ? extends R> f) {
        return new Page<>(items.stream().<R>map(f).toList(), page, size, total);
    }
}
