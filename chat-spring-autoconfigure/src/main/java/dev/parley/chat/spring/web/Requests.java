package dev.parley.chat.spring.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.parley.chat.Attachment;
import dev.parley.chat.ChatStatus;
import dev.parley.chat.MessageType;
import dev.parley.chat.ParleyException;
import dev.parley.chat.AssignmentMode;
import dev.parley.chat.department.DepartmentDraft;
import dev.parley.chat.knowledge.ArticleDraft;
import org.jspecify.annotations.Nullable;

/** The JSON bodies the endpoints accept; every field is optional here, the core says what is required. */
final class Requests {

    private Requests() {}

    /**
     * Starts a chat (visitor fields and message) or continues one (sessionId and message); {@code emailReplies} is
     * the visitor's opt-in to be emailed at {@code visitorEmail}.
     */
    record ChatRequest(@Nullable String sessionId, @Nullable String visitorName, @Nullable String visitorEmail,
            @Nullable String visitorPhone, @Nullable String department, @Nullable String message,
            @Nullable MessageType messageType, @Nullable String fileUrl, @Nullable String fileName,
            @Nullable Long fileSize, @Nullable Boolean emailReplies) {

        boolean continues() {
            return sessionId != null;
        }

        @Nullable Attachment attachment() {
            return attachmentOf(fileUrl, fileName, fileSize);
        }
    }

    /** A visitor's rating. */
    record RateRequest(@Nullable String sessionId, @Nullable Integer rating, @Nullable String comment) {}

    /** An admin's message. */
    record AdminMessageRequest(@Nullable Long chatId, @Nullable String message, @Nullable MessageType messageType,
            @Nullable String fileUrl, @Nullable String fileName, @Nullable Long fileSize) {

        @Nullable Attachment attachment() {
            return attachmentOf(fileUrl, fileName, fileSize);
        }
    }

    /** An admin's change to a chat. */
    record ChatUpdateRequest(@Nullable Long chatId, @Nullable ChatStatus status, @Nullable String department,
            @Nullable String assignedTo, @Nullable Boolean unassign) {}

    /** An internal note. */
    record NoteRequest(@Nullable String message) {}

    /** A transfer: to an admin, a department (slug) or both, with an optional internal note. */
    record TransferRequest(@Nullable String adminId, @Nullable String department, @Nullable String note) {}

    /** A department to create or update. */
    record DepartmentRequest(@Nullable Long id, @Nullable String name, @Nullable String slug,
            @Nullable String description, @Nullable String email,
            @JsonProperty("isActive") @JsonAlias("active") @Nullable Boolean isActive,
            @Nullable Integer sortOrder, @Nullable String assignmentMode) {

        DepartmentDraft draft() {
            return new DepartmentDraft(name, slug, description, email, isActive, sortOrder);
        }

        /** The assignment mode to set, checked; null to keep it. */
        @Nullable AssignmentMode mode() {
            return assignmentMode == null ? null : AssignmentMode.parse(assignmentMode);
        }
    }

    /** An article to create or update. */
    record ArticleRequest(@Nullable Long id, @Nullable String title, @Nullable String slug,
            @Nullable String content, @Nullable String category, @Nullable String keywords,
            @JsonProperty("isPublished") @JsonAlias("published") @Nullable Boolean isPublished,
            @Nullable Integer sortOrder) {

        ArticleDraft draft() {
            return new ArticleDraft(title, slug, content, category, keywords, isPublished, sortOrder);
        }
    }

    /** An admin's heartbeat. */
    record HeartbeatRequest(@JsonProperty("isOnline") @JsonAlias("online") @Nullable Boolean isOnline,
            @Nullable String department, @Nullable String socketId) {}

    /** A required value of a body, or a 400 naming it. */
    static <T> T required(@Nullable T value, String field) {
        if (value == null) {
            throw ParleyException.invalid(field + " is required");
        }
        return value;
    }

    private static @Nullable Attachment attachmentOf(@Nullable String fileUrl, @Nullable String fileName,
            @Nullable Long fileSize) {
        if (fileUrl == null || fileUrl.isBlank()) {
            return null;
        }
        return new Attachment(fileUrl, fileName == null ? "" : fileName, fileSize == null ? 0 : fileSize);
    }
}
