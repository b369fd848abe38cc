/**
 * The contract suite (TCK) every {@link dev.parley.chat.store.ChatStore} adapter passes. Start at
 * {@link dev.parley.chat.tck.AbstractChatStoreContractTest}.
 */
@NullMarked
package dev.parley.chat.tck;

import org.jspecify.annotations.NullMarked;
