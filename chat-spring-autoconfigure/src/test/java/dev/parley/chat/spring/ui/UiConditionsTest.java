package dev.parley.chat.spring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.chat.spring.ParleyAutoConfigurations;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

/** When the widget and the dashboard are served: chat-ui present, a servlet application, not switched off. */
class UiConditionsTest {

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(ParleyAutoConfigurations.with())
            .withPropertyValues("parley.store=memory");

    @Test
    void chatUiOnTheClasspathIsServedWithTheDashboardAndItsProfileEndpoint() {
        web.run(context -> {
            assertThat(context).hasSingleBean(UiResources.class).hasBean("parleyUiSecurityHeaders")
                    .hasSingleBean(AdminProfileController.class);
            assertThat(context.getBean(UiAssets.class).version()).matches("[0-9a-f]{12}");
        });
    }

    @Test
    void switchedOffNothingIsServed() {
        web.withPropertyValues("parley.ui.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean(UiResources.class).doesNotHaveBean(AdminProfileController.class));
    }

    @Test
    void withoutTheDashboardOnlyTheWidgetIsServed() {
        web.withPropertyValues("parley.ui.admin.enabled=false").run(context ->
                assertThat(context).hasSingleBean(UiResources.class).doesNotHaveBean("parleyUiSecurityHeaders")
                        .doesNotHaveBean(AdminProfileController.class));
    }

    @Test
    void withoutChatUiOnTheClasspathNothingIsServed() {
        web.withClassLoader(new FilteredClassLoader(new ClassPathResource("META-INF/resources/parley/widget.js")))
                .run(context -> assertThat(context).doesNotHaveBean(UiResources.class));
    }

    @Test
    void notAWebApplicationNothingIsServed() {
        new ApplicationContextRunner().withConfiguration(ParleyAutoConfigurations.with())
                .withPropertyValues("parley.store=memory")
                .run(context -> assertThat(context).doesNotHaveBean(UiResources.class));
    }

    @Test
    void anUnknownSignInModeStopsTheStartWithItsName() {
        web.withPropertyValues("parley.ui.admin.sign-in=magic").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("parley.ui.admin.sign-in must be auto, token or session"));
    }
}
