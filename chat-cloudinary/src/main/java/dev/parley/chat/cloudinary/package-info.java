/** File storage on Cloudinary: images and documents uploaded with the official Java SDK. */
@NullMarked
package dev.parley.chat.cloudinary;

import org.jspecify.annotations.NullMarked;
