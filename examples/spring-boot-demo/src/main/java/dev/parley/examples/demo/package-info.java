/** The Parley demo application: a sample host page with the chat widget and the admin dashboard. */
@NullMarked
package dev.parley.examples.demo;

import org.jspecify.annotations.NullMarked;
