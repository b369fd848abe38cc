/** The assembly of Parley: {@link dev.parley.Parley} builds every service of the core from its ports. */
@NullMarked
package dev.parley;

import org.jspecify.annotations.NullMarked;
