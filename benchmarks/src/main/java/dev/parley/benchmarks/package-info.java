/**
 * The performance harness: each benchmark measures Parley and a baseline of the same work in the same process, on
 * the same database, in the same run, and reports the ratio.
 */
@NullMarked
package dev.parley.benchmarks;

import org.jspecify.annotations.NullMarked;
