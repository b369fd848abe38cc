package dev.parley.chat.spring.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Parley;
import dev.parley.chat.cloudinary.CloudinaryFileStorage;
import dev.parley.chat.file.FileStorage;
import dev.parley.chat.file.LocalFileStorage;
import dev.parley.chat.spring.ParleyAutoConfigurations;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Cloudinary when chat-cloudinary is present and configured; local files otherwise. */
class CloudinaryConditionsTest {

    private static final String URL = "cloudinary://123456:not-a-real-secret@demo-cloud";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(ParleyAutoConfigurations.with())
            .withPropertyValues("parley.store=memory");

    @Test
    void aConfiguredUrlStoresUploadsOnCloudinaryUnderThePrefix() {
        runner.withPropertyValues("parley.files.cloudinary.url=" + URL, "parley.files.cloudinary.folder-prefix=acme")
                .run(context -> {
                    CloudinaryFileStorage storage = context.getBean(CloudinaryFileStorage.class);
                    assertThat(storage.imagesFolder()).isEqualTo("acme/chat/images");
                    assertThat(storage.filesFolder()).isEqualTo("acme/chat/files");
                    assertThat(context.getBean(Parley.class).fileStorage()).isSameAs(storage);
                    assertThat(context).doesNotHaveBean(LocalFileStorage.class);
                });
    }

    @Test
    void theCloudinaryUrlEnvironmentVariableIsEnough() {
        runner.withPropertyValues("CLOUDINARY_URL=" + URL).run(context ->
                assertThat(context.getBean(FileStorage.class)).isInstanceOf(CloudinaryFileStorage.class));
    }

    @Test
    void withoutAUrlFilesStayLocal() {
        runner.run(context -> assertThat(context.getBean(FileStorage.class)).isInstanceOf(LocalFileStorage.class));
    }

    @Test
    void withoutChatCloudinaryFilesStayLocalEvenWithAUrl() {
        runner.withPropertyValues("parley.files.cloudinary.url=" + URL)
                .withClassLoader(new FilteredClassLoader(CloudinaryFileStorage.class))
                .run(context -> assertThat(context.getBean(FileStorage.class)).isInstanceOf(LocalFileStorage.class));
    }
}
