package dev.parley.chat.jpa.entity;

import java.util.List;

/**
 * Every entity class of Parley, for hosts that list managed classes instead of scanning this package (Spring hosts
 * get them through {@code @AutoConfigurationPackage(basePackageClasses = ChatEntity.class)}).
 */
public final class ParleyEntities {

    /** The entity classes, one per table. */
    public static final List<Class<?>> CLASSES = List.of(ChatEntity.class, MessageEntity.class,
            DepartmentEntity.class, ArticleEntity.class, PresenceEntity.class, OutboxEntity.class,
            UploadedFileEntity.class, WebhookEndpointEntity.class, WebhookDeliveryEntity.class,
            WebhookAttemptEntity.class);

    private ParleyEntities() {}
}
