package dev.parley.chat.spring.files;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when a Cloudinary URL is configured: {@code parley.files.cloudinary.url} or {@code CLOUDINARY_URL}. */
final class CloudinaryConfigured extends SpringBootCondition {

    static final String PROPERTY = "parley.files.cloudinary.url";
    static final String ENVIRONMENT = "CLOUDINARY_URL";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        if (StringUtils.hasText(context.getEnvironment().getProperty(PROPERTY))) {
            return ConditionOutcome.match(PROPERTY + " is set");
        }
        if (StringUtils.hasText(context.getEnvironment().getProperty(ENVIRONMENT))) {
            return ConditionOutcome.match(ENVIRONMENT + " is set");
        }
        return ConditionOutcome.noMatch("neither " + PROPERTY + " nor " + ENVIRONMENT + " is set");
    }
}
