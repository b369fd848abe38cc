package dev.parley.chat.spring.security;

import dev.parley.chat.admin.Admin;

/**
 * The admin who sent the current request, resolved by Parley's interceptor; a parameter of this type in an admin
 * handler method receives it.
 *
 * @param admin the admin as the application's directory knows them
 */
public record AuthenticatedAdmin(Admin admin) {

    /** The request attribute holding the authenticated admin. */
    public static final String ATTRIBUTE = AuthenticatedAdmin.class.getName();

    /** The admin's id. */
    public String id() {
        return admin.id();
    }
}
