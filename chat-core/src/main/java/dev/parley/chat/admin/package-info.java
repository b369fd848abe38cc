/** The host's admins, as the library sees them through {@link dev.parley.chat.admin.AdminDirectory}. */
@NullMarked
package dev.parley.chat.admin;

import org.jspecify.annotations.NullMarked;
