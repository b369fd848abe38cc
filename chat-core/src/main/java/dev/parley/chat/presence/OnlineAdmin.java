package dev.parley.chat.presence;

import dev.parley.chat.AdminPresence;
import dev.parley.chat.admin.Admin;

/**
 * An online admin with the host's details.
 *
 * @param admin    the admin as the host knows them
 * @param presence their presence
 */
public record OnlineAdmin(Admin admin, AdminPresence presence) {}
