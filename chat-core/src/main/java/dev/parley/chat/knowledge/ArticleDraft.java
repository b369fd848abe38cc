package dev.parley.chat.knowledge;

import org.jspecify.annotations.Nullable;

/**
 * What an admin sends to create or update an article; on update, null fields are left as they are.
 *
 * @param title     1 to 200 characters
 * @param slug      unique {@code [a-z0-9-]}; derived from the title when null on create
 * @param content   the body, up to 50,000 characters
 * @param category  up to 100 characters
 * @param keywords  comma-separated, up to 500 characters
 * @param published whether visitors can find it (default false)
 * @param sortOrder position in lists (default 0)
 */
public record ArticleDraft(
        @Nullable String title,
        @Nullable String slug,
        @Nullable String content,
        @Nullable String category,
        @Nullable String keywords,
        @Nullable Boolean published,
        @Nullable Integer sortOrder) {}
