package dev.parley.examples.demo.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins counted in a sliding window, per admin id and per client address: once either has
 * {@code maxFailures} failures in the window, further attempts are refused until the oldest failure leaves it.
 * Only failures count, and only for ids of real admins (an unknown id counts against the address alone), so junk
 * ids cannot push a real admin's counter out. At most {@value #MAX_ADDRESSES} addresses are tracked at once; beyond
 * that a new address is limited by the per-admin counter only.
 */
final class LoginThrottle {

    static final int MAX_ADDRESSES = 10_000;

    private final int maxPerAdmin;
    private final int maxPerAddress;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> admins = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> addresses = new ConcurrentHashMap<>();

    LoginThrottle(int maxPerAdmin, int maxPerAddress, Duration window, Clock clock) {
        this.maxPerAdmin = maxPerAdmin;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
        this.clock = clock;
    }

    /** How long the caller must wait before trying again, or empty when they may try now. */
    Optional<Duration> wait(String address, Optional<String> adminId) {
        Instant now = clock.instant();
        Optional<Duration> byAddress = wait(addresses.get(address), maxPerAddress, now);
        Optional<Duration> byAdmin = adminId.flatMap(id -> wait(admins.get(id), maxPerAdmin, now));
        if (byAddress.isPresent() && byAdmin.isPresent()) {
            return Optional.of(byAddress.get().compareTo(byAdmin.get()) > 0 ? byAddress.get() : byAdmin.get());
        }
        return byAddress.isPresent() ? byAddress : byAdmin;
    }

    /** Counts a failed attempt from the address, for the admin if the id is a real admin's. */
    void failed(String address, Optional<String> adminId) {
        Instant now = clock.instant();
        if (addresses.size() >= MAX_ADDRESSES) {
            addresses.values().removeIf(failures -> prune(failures, now));
        }
        if (addresses.containsKey(address) || addresses.size() < MAX_ADDRESSES) {
            record(addresses.computeIfAbsent(address, a -> new ArrayDeque<>()), now);
        }
        adminId.ifPresent(id -> record(admins.computeIfAbsent(id, a -> new ArrayDeque<>()), now));
    }

    /** A successful sign-in clears the admin's failures (not the address's). */
    void succeeded(String adminId) {
        admins.remove(adminId);
    }

    private void record(Deque<Instant> failures, Instant now) {
        synchronized (failures) {
            prune(failures, now);
            failures.addLast(now);
        }
    }

    private Optional<Duration> wait(Deque<Instant> failures, int max, Instant now) {
        if (failures == null) {
            return Optional.empty();
        }
        synchronized (failures) {
            prune(failures, now);
            if (failures.size() < max) {
                return Optional.empty();
            }
            Duration left = Duration.between(now, failures.peekFirst().plus(window));
            return Optional.of(left.isNegative() ? Duration.ZERO : left);
        }
    }

    /** Drops failures older than the window; true when none is left. */
    private boolean prune(Deque<Instant> failures, Instant now) {
        synchronized (failures) {
            Instant oldest = now.minus(window);
            while (!failures.isEmpty() && !failures.peekFirst().isAfter(oldest)) {
                failures.removeFirst();
            }
            return failures.isEmpty();
        }
    }
}
