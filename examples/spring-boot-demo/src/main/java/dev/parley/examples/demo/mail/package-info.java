/** The demo's embedded SMTP server and the dashboard's captured-emails endpoint. */
@NullMarked
package dev.parley.examples.demo.mail;

import org.jspecify.annotations.NullMarked;
