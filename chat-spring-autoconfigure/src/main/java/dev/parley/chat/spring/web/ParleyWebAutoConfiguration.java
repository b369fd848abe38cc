package dev.parley.chat.spring.web;

import dev.parley.chat.ChatService;
import dev.parley.chat.ParleySettings;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.analytics.AnalyticsCalculator;
import dev.parley.chat.assignment.AssignmentService;
import dev.parley.chat.canned.CannedResponses;
import dev.parley.chat.department.BusinessHoursService;
import dev.parley.chat.department.DepartmentService;
import dev.parley.chat.file.UploadPolicy;
import dev.parley.chat.file.UploadService;
import dev.parley.chat.knowledge.KnowledgeBase;
import dev.parley.chat.presence.PresenceTracker;
import dev.parley.chat.spring.security.AdminAuthenticator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.DispatcherServlet;

/** The HTTP API of SPEC.md on Spring MVC, when the application is a servlet web application. */
@AutoConfiguration(afterName = {
        "dev.parley.chat.spring.ParleyAutoConfiguration",
        "dev.parley.chat.spring.security.ParleySecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnProperty(name = "parley.web.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(ParleyWebProperties.class)
class ParleyWebAutoConfiguration {

    /** The paths of Parley's endpoints, answered in the JSON envelope even when no handler matches. */
    static final List<String> API_PATHS = List.of("/api/v1/chat", "/api/v1/admin/chat", "/api/v1/admin/presence");

    @Bean
    @ConditionalOnMissingBean
    ChatViews parleyChatViews(AdminDirectory admins) {
        return new ChatViews(admins);
    }

    @Bean
    @ConditionalOnMissingBean
    ParleyRateLimits parleyRateLimits(ParleyWebProperties properties, ObjectProvider<Clock> clock) {
        return new ParleyRateLimits(properties.rateLimit(), clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    VisitorChatController parleyVisitorChatController(ChatService chats, PresenceTracker presence,
            UploadService uploads, KnowledgeBase knowledgeBase, DepartmentService departments, ChatViews views,
            ParleyRateLimits limits, AssignmentService assignment) {
        return new VisitorChatController(chats, presence, uploads, knowledgeBase, departments, views, limits,
                assignment);
    }

    @Bean
    AdminChatController parleyAdminChatController(ChatService chats, AnalyticsCalculator analytics,
            ParleySettings settings, ChatViews views) {
        return new AdminChatController(chats, analytics, settings, views);
    }

    @Bean
    AdminCatalogController parleyAdminCatalogController(DepartmentService departments, KnowledgeBase knowledgeBase,
            PresenceTracker presence, AssignmentService assignment) {
        return new AdminCatalogController(departments, knowledgeBase, presence, assignment);
    }

    @Bean
    HoursController.Visitor parleyVisitorHoursController(BusinessHoursService hours) {
        return new HoursController.Visitor(hours);
    }

    @Bean
    HoursController.Admin parleyAdminHoursController(BusinessHoursService hours) {
        return new HoursController.Admin(hours);
    }

    @Bean
    CannedResponsesController parleyCannedResponsesController(CannedResponses canned) {
        return new CannedResponsesController(canned);
    }

    @Bean
    ParleyErrorResolver parleyErrorResolver(UploadPolicy uploads, Environment environment) {
        String files = environment.getProperty("parley.files.local.url-base", "/parley/files")
                .replaceAll("/+$", "");
        List<String> paths = new ArrayList<>(API_PATHS);
        paths.add(files);
        return new ParleyErrorResolver(ParleyJsonConverter.MAPPER, paths, uploads.maxBytes());
    }

    /** JSON bodies of visitors sent as text/plain or without a type (see {@link PlainJsonVisitorFilter}). */
    @Bean
    FilterRegistrationBean<PlainJsonVisitorFilter> parleyPlainJsonVisitorFilter(ParleyWebProperties properties) {
        var registration = new FilterRegistrationBean<>(
                new PlainJsonVisitorFilter(properties.cors().allowedOrigins()));
        registration.setUrlPatterns(PlainJsonVisitorFilter.PATHS);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50); // after forwarded headers and request encoding
        return registration;
    }

    @Bean
    ParleyWebMvcConfigurer parleyWebMvcConfigurer(AdminAuthenticator authenticator, AdminDirectory admins,
            ParleyWebProperties properties) {
        return new ParleyWebMvcConfigurer(authenticator, admins, properties.cors());
    }
}
