/**
 * The HTTP API of SPEC.md on Spring MVC: the JSON envelope, the visitor and admin endpoints, typed errors mapped to
 * status codes, CORS and rate limits. It parses, calls the core and maps errors; every rule lives in the core.
 */
@NullMarked
package dev.parley.chat.spring.web;

import org.jspecify.annotations.NullMarked;
