/**
 * Where uploads go: Cloudinary when configured, otherwise the local file system, whose files Parley then serves
 * safely under a URL base. Also aligns the servlet multipart limits with the upload limit.
 */
@NullMarked
package dev.parley.chat.spring.files;

import org.jspecify.annotations.NullMarked;
