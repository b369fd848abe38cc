package dev.parley.chat.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The host tells Parley who its admins are; Parley owns no user table. */
public interface AdminDirectory {

    /** The admin with this id, if there is one. */
    Optional<Admin> find(String adminId);

    /** Every admin. */
    List<Admin> all();

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
