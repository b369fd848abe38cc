package dev.parley.chat.canned;

import dev.parley.chat.CannedResponse;
import dev.parley.chat.CannedResponse.Scope;
import dev.parley.chat.CannedResponse.Visibility;
import dev.parley.chat.Chat;
import dev.parley.chat.ChatDepartment;
import dev.parley.chat.ErrorCode;
import dev.parley.chat.ParleyException;
import dev.parley.chat.admin.Admin;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.store.ChatStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Canned responses over the store; see {@link CannedResponses}. */
public final class DefaultCannedResponses implements CannedResponses {

    private static final Logger log = LoggerFactory.getLogger(DefaultCannedResponses.class);
    private static final Pattern SHORTCUT = Pattern.compile("[a-z0-9_-]{1,30}");
    private static final Pattern VARIABLE = Pattern.compile(
            "\\{\\{\\s*([A-Za-z]+\\.[A-Za-z]+)\\s*(?:\\|\\s*\"([^\"]*)\"\\s*)?}}");

    private final ChatStore store;
    private final AdminDirectory admins;
    private final Clock clock;
    private final int maxTextLength;

    /** Creates the service; {@code maxTextLength} is the longest text, normally the longest message. */
    public DefaultCannedResponses(ChatStore store, AdminDirectory admins, Clock clock, int maxTextLength) {
        this.store = store;
        this.admins = admins;
        this.clock = clock;
        this.maxTextLength = maxTextLength;
    }

    @Override
    public CannedResponse create(String adminId, Draft draft) {
        Admin admin = admins.require(adminId);
        Scope scope = checked(admin, draft);
        Instant now = clock.instant();
        CannedResponse stored = store.cannedResponses().insert(new CannedResponse(0, draft.shortcut(),
                draft.title().strip(), draft.text(), scope, now, now));
        log.info("Canned response /{} ({}) created by {}", stored.shortcut(), stored.scope(), admin.id());
        return stored;
    }

    @Override
    public CannedResponse edit(String adminId, long id, Draft draft) {
        Admin admin = admins.require(adminId);
        return store.transactions().inTransaction(() -> {
            CannedResponse old = editable(admin, id);
            Scope scope = checked(admin, draft);
            CannedResponse next = new CannedResponse(id, draft.shortcut(), draft.title().strip(), draft.text(),
                    scope, old.createdAt(), clock.instant());
            store.cannedResponses().update(next);
            log.info("Canned response {} (/{}) edited by {}", id, next.shortcut(), admin.id());
            return next;
        });
    }

    @Override
    public void delete(String adminId, long id) {
        Admin admin = admins.require(adminId);
        store.transactions().run(() -> {
            editable(admin, id);
            store.cannedResponses().delete(id);
        });
        log.info("Canned response {} deleted by {}", id, admin.id());
    }

    @Override
    public List<CannedResponse> list(String adminId) {
        Admin admin = admins.require(adminId);
        return store.cannedResponses().visibleTo(admin.id(), departmentsOf(admin));
    }

    @Override
    public List<CannedResponse> search(String adminId, @Nullable String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        String term = q.startsWith("/") ? q.substring(1) : q;
        return list(adminId).stream().filter(r -> rank(r, term) < 3)
                .sorted(Comparator.comparingInt((CannedResponse r) -> rank(r, term))).toList();
    }

    @Override
    public Context contextFor(String adminId, long chatId) {
        Admin admin = admins.require(adminId);
        Chat chat = store.chats().find(chatId)
                .orElseThrow(() -> ParleyException.notFound("chat " + chatId + " does not exist"));
        String department = store.departments().findBySlug(chat.department()).map(ChatDepartment::name)
                .orElse(chat.department());
        return new Context(chat.visitorName(), admin.name(), department);
    }

    @Override
    public String fill(CannedResponse response, Context context) {
        Matcher m = VARIABLE.matcher(response.text());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String fallback = m.group(2) == null ? "" : m.group(2);
            String value = switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "visitor.name" -> orElse(context.visitorName(), fallback);
                case "agent.name" -> orElse(context.agentName(), fallback);
                case "department.name" -> orElse(context.departmentName(), fallback);
                default -> m.group();
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String orElse(@Nullable String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int rank(CannedResponse r, String term) {
        if (r.shortcut().startsWith(term)) {
            return 0;
        }
        if (r.title().toLowerCase(Locale.ROOT).contains(term)) {
            return 1;
        }
        return r.text().toLowerCase(Locale.ROOT).contains(term) ? 2 : 3;
    }

    private CannedResponse editable(Admin admin, long id) {
        return store.cannedResponses().find(id)
                .filter(r -> r.scope().visibility() != Visibility.ADMIN || admin.id().equals(r.scope().owner()))
                .orElseThrow(() -> ParleyException.notFound("canned response " + id + " does not exist"));
    }

    private Collection<String> departmentsOf(Admin admin) {
        return admin.departments().isEmpty()
                ? store.departments().list().stream().map(ChatDepartment::slug).toList()
                : admin.departments();
    }

    private Scope checked(Admin admin, Draft draft) {
        Objects.requireNonNull(draft, "draft");
        if (draft.shortcut() == null || !SHORTCUT.matcher(draft.shortcut()).matches()) {
            throw ParleyException.invalid("shortcut must be 1 to 30 of a-z, 0-9, '-' and '_'");
        }
        if (draft.title() == null || draft.title().isBlank() || draft.title().strip().length() > MAX_TITLE) {
            throw ParleyException.invalid("title is required and at most " + MAX_TITLE + " characters");
        }
        if (draft.text() == null || draft.text().isBlank() || draft.text().length() > maxTextLength) {
            throw ParleyException.invalid("text is required and at most " + maxTextLength + " characters");
        }
        Scope scope = draft.scope() == null ? Scope.everyone() : draft.scope();
        if (scope.visibility() == Visibility.ADMIN && !admin.id().equals(scope.owner())) {
            throw new ParleyException(ErrorCode.FORBIDDEN, "a personal canned response can only be your own");
        }
        if (scope.visibility() == Visibility.DEPARTMENT
                && store.departments().findBySlug(Objects.requireNonNull(scope.owner())).isEmpty()) {
            throw ParleyException.invalid("department '" + scope.owner() + "' does not exist");
        }
        return scope;
    }
}
