/** The demo-only admin login: a password from properties exchanged for a signed token. */
@NullMarked
package dev.parley.examples.demo.auth;

import org.jspecify.annotations.NullMarked;
