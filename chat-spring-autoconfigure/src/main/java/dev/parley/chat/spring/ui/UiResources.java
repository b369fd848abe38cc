package dev.parley.chat.spring.ui;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The URL layout: {path}/{version}/** cached for a year, the unversioned {path}/** (the widget's entry script) for
 * entry-max-age, the dashboard's page at {path}/admin/ never without revalidation.
 */
final class UiResources implements WebMvcConfigurer {

    private static final Duration YEAR = Duration.ofDays(365);

    private final ParleyUiProperties properties;
    private final UiAssets assets;
    private final UiPages pages;

    UiResources(ParleyUiProperties properties, UiAssets assets, UiPages pages) {
        this.properties = properties;
        this.assets = assets;
        this.pages = pages;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        String base = properties.basePath();
        registry.addResourceHandler(base + "/" + assets.version() + "/**")
                .addResourceLocations(assets.location())
                .setCacheControl(CacheControl.maxAge(YEAR.toSeconds(), TimeUnit.SECONDS).cachePublic().immutable());
        if (properties.admin().enabled()) {
            registry.addResourceHandler(base + "/admin/*.html")
                    .addResourceLocations(assets.location() + "admin/")
                    .setCacheControl(CacheControl.noCache())
                    .resourceChain(false).addTransformer(pages);
        }
        registry.addResourceHandler(base + "/**")
                .addResourceLocations(assets.location())
                .setCacheControl(CacheControl.maxAge(properties.entryMaxAge().toSeconds(), TimeUnit.SECONDS)
                        .cachePublic())
                .resourceChain(false).addTransformer(pages);
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        if (properties.admin().enabled()) {
            String admin = properties.basePath() + "/admin";
            registry.addRedirectViewController(admin, admin + "/");
            registry.addViewController(admin + "/").setViewName("forward:" + admin + "/index.html");
        }
    }
}
