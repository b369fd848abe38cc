/** The knowledge base: articles and search. */
@NullMarked
package dev.parley.chat.knowledge;

import org.jspecify.annotations.NullMarked;
