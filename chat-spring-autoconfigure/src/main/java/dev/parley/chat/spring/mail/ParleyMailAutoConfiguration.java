package dev.parley.chat.spring.mail;

import dev.parley.chat.mail.MailBranding;
import dev.parley.chat.mail.MailNotifier;
import dev.parley.chat.mail.MailSecurity;
import dev.parley.chat.mail.MailSettings;
import dev.parley.chat.notification.NotificationPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.StringUtils;

/** Notifications by email with chat-mail's {@link MailNotifier} when {@code parley.mail.host} is set. */
@AutoConfiguration(beforeName = "dev.parley.chat.spring.ParleyAutoConfiguration")
@ConditionalOnClass(name = "dev.parley.chat.mail.MailNotifier")
@ConditionalOnProperty("parley.mail.host")
@EnableConfigurationProperties(ParleyMailProperties.class)
class ParleyMailAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ParleyMailAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    MailSettings parleyMailSettings(ParleyMailProperties p) {
        if (!StringUtils.hasText(p.fromAddress())) {
            throw new IllegalStateException("parley.mail.from-address is required when parley.mail.host is set");
        }
        try {
            return MailSettings.builder()
                    .host(p.host() == null ? "" : p.host().strip())
                    .port(p.port())
                    .credentials(p.username(), p.password())
                    .security(MailSecurity.valueOf(p.security().name()))
                    .fromAddress(p.fromAddress())
                    .fromName(p.fromName())
                    .timeouts(p.connectTimeout(), p.readTimeout(), p.writeTimeout())
                    .dashboardUrl(p.dashboardUrl())
                    .branding(new MailBranding(p.branding().productName(), p.branding().primaryColor(),
                            p.branding().logoUrl()))
                    .templateLocation(p.templateLocation())
                    .build();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("parley.mail: " + e.getMessage(), e);
        }
    }

    @Bean
    @ConditionalOnMissingBean(NotificationPort.class)
    MailNotifier parleyMailNotifier(MailSettings settings) {
        log.info("Parley sends notifications by email through {}:{} ({}) from {}", settings.host(), settings.port(),
                settings.security(), settings.fromAddress());
        return new MailNotifier(settings);
    }
}
