package dev.parley.chat.admin;

import dev.parley.chat.ErrorCode;
import dev.parley.chat.ParleyException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The host tells Parley who its admins are; Parley owns no user table. */
public interface AdminDirectory {

    /** The admin with this id, if there is one. */
    Optional<Admin> find(String adminId);

    /** Every admin. */
    List<Admin> all();

    /**
     * The admin acting under this id.
     *
     * @throws ParleyException UNAUTHENTICATED without an id, FORBIDDEN when the directory does not know it
     */
    default Admin require(@Nullable String adminId) {
        if (adminId == null || adminId.isBlank()) {
            throw new ParleyException(ErrorCode.UNAUTHENTICATED, "an admin id is required");
        }
        return find(adminId).orElseThrow(() -> new ParleyException(ErrorCode.FORBIDDEN,
                "'" + adminId + "' is not an admin of this application"));
    }

    /** A fixed directory, for tests, demos and hosts that list admins in configuration. */
    static AdminDirectory of(List<Admin> admins) {
        Map<String, Admin> byId = admins.stream().collect(Collectors.toUnmodifiableMap(Admin::id, Function.identity()));
        List<Admin> copy = List.copyOf(admins);
        return new AdminDirectory() {
            @Override
            public Optional<Admin> find(String adminId) {
                return Optional.ofNullable(byId.get(adminId));
            }

            @Override
            public List<Admin> all() {
                return copy;
            }
        };
    }
}
