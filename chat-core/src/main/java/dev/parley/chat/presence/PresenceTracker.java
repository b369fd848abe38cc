package dev.parley.chat.presence;

import dev.parley.chat.AdminPresence;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who of the staff is online. An admin counts as online while they said so and their last heartbeat is younger
 * than {@link #heartbeatTimeout()}; they serve a department when their heartbeat's department (null: all) and the
 * host's {@link dev.parley.chat.admin.AdminDirectory} both allow it.
 */
public interface PresenceTracker {

    /** Records a heartbeat of an admin known to the directory. */
    AdminPresence heartbeat(String adminId, Heartbeat heartbeat);

    /** Marks the admin offline now. */
    void goOffline(String adminId);

    /** Admins online now, serving the department (all departments when null). */
    List<OnlineAdmin> online(@Nullable String department);

    /** Whether any admin serving the department is online now (any department when null). */
    boolean anyOnline(@Nullable String department);

    /** How long a heartbeat keeps an admin online (default 2 minutes). */
    Duration heartbeatTimeout();
}
