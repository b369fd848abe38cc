package dev.parley.chat.store;

import dev.parley.chat.CannedResponse;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Stored canned responses. A shortcut is unique within its scope; a clash is a CONFLICT. */
public interface CannedResponseRecords {

    /** Stores a new response (its id is ignored) and answers it with the assigned id. */
    CannedResponse insert(CannedResponse response);

    /** Overwrites the stored response with the same id; NOT_FOUND when there is none. */
    void update(CannedResponse response);

    /** Deletes the response with this id; answers whether there was one. */
    boolean delete(long id);

    /** The response with this id. */
    Optional<CannedResponse> find(long id);

    /**
     * What this admin sees, by shortcut: every response for everyone, those of these departments (slugs), and the
     * admin's own.
     */
    List<CannedResponse> visibleTo(String adminId, Collection<String> departments);
}
