package dev.parley.chat.canned;

import dev.parley.chat.CannedResponse;
import dev.parley.chat.CannedResponse.Scope;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Canned responses: stored replies an admin inserts by shortcut, seen by everyone, by one department or by their
 * owner only. Any admin may change a shared response; only its owner a personal one (to anyone else it does not
 * exist). {@link #fill} puts the chat's values into the variables {@code {{visitor.name}}}, {@code {{agent.name}}}
 * and {@code {{department.name}}}.
 */
public interface CannedResponses {

    /** The longest title, in characters. */
    int MAX_TITLE = 100;

    /**
     * What an admin asks to store.
     *
     * @param shortcut {@code [a-z0-9-_]{1,30}}, unique within the scope
     * @param title    at most {@value #MAX_TITLE} characters
     * @param text     at most the longest message
     * @param scope    who sees it; a personal response is always the acting admin's
     */
    record Draft(String shortcut, String title, String text, Scope scope) {}

    /**
     * The values of the variables; a null one takes the fallback written in the text, or nothing.
     *
     * @param visitorName    {@code {{visitor.name}}}
     * @param agentName      {@code {{agent.name}}}
     * @param departmentName {@code {{department.name}}}
     */
    record Context(@Nullable String visitorName, @Nullable String agentName, @Nullable String departmentName) {}

    /**
     * Stores a new response for this admin.
     *
     * @throws dev.parley.chat.ParleyException VALIDATION for a bad field or unknown department, FORBIDDEN for a
     *         personal response of someone else, CONFLICT for a shortcut used in the scope
     */
    CannedResponse create(String adminId, Draft draft);

    /** Changes a response this admin may change (as {@link #create}); NOT_FOUND for another's personal one. */
    CannedResponse edit(String adminId, long id, Draft draft);

    /** Deletes a response this admin may change; NOT_FOUND when there is none. */
    void delete(String adminId, long id);

    /** Every response this admin sees, by shortcut. */
    List<CannedResponse> list(String adminId);

    /**
     * The responses this admin sees that match what was typed after {@code /} (the slash itself may be included),
     * ignoring case: shortcuts starting with it first, then titles containing it, then texts containing it; by
     * shortcut within each group. Blank finds every one.
     */
    List<CannedResponse> search(String adminId, @Nullable String query);

    /** The values of the variables for this admin answering this chat; NOT_FOUND for an unknown chat. */
    Context contextFor(String adminId, long chatId);

    /**
     * The response's text with its variables filled in, as plain text: values are inserted as they are (never read
     * as markup or as further variables). A missing value takes the fallback ({@code {{visitor.name | "there"}}}),
     * or nothing; unknown variables stay as typed.
     */
    String fill(CannedResponse response, Context context);
}
