package dev.parley.chat.spring.assignment;

import dev.parley.Parley;
import dev.parley.chat.admin.AdminDirectory;
import dev.parley.chat.assignment.AssignmentService;
import dev.parley.chat.assignment.AssignmentSettings;
import dev.parley.chat.department.DepartmentService;
import dev.parley.chat.spring.web.ChatViews;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Automatic assignment: the settings {@link Parley} is built with, its assignment service as a bean, the periodic
 * sweep, and the admin endpoints of queues and capacities.
 */
@AutoConfiguration(afterName = {"dev.parley.chat.spring.ParleyAutoConfiguration",
        "dev.parley.chat.spring.web.ParleyWebAutoConfiguration"})
@EnableConfigurationProperties(ParleyAssignmentProperties.class)
class ParleyAssignmentAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AssignmentSettings parleyAssignmentSettings(ParleyAssignmentProperties properties) {
        return properties.toSettings();
    }

    @Bean
    @ConditionalOnMissingBean
    AssignmentService parleyAssignmentService(Parley parley) {
        return parley.assignment();
    }

    @Bean
    AssignmentSweepLifecycle parleyAssignmentSweep(AssignmentService assignment,
            ParleyAssignmentProperties properties) {
        return new AssignmentSweepLifecycle(assignment, properties.sweepInterval(), properties.sweep());
    }

    /** The admin endpoints, beside Parley's other endpoints. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(DispatcherServlet.class)
    @ConditionalOnProperty(name = "parley.web.enabled", havingValue = "true", matchIfMissing = true)
    @ConditionalOnBean(ChatViews.class)
    static class Endpoints {

        @Bean
        AssignmentController parleyAssignmentController(AssignmentService assignment,
                DepartmentService departments, AdminDirectory admins, ChatViews views) {
            return new AssignmentController(assignment, departments, admins, views);
        }
    }
}
