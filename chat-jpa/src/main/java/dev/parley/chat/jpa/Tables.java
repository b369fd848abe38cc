package dev.parley.chat.jpa;

import dev.parley.chat.jpa.schema.DatabaseKind;

/**
 * Where the store's native SQL goes: the database kind and the physical table names (qualifier and prefix as the
 * entity manager factory maps them).
 */
final class Tables {

    final DatabaseKind kind;
    final String chat;
    final String message;
    final String article;
    final String presence;
    final String outbox;
    final String rollup;
    final String rollupZone;
    final String hours;
    final String cannedResponse;
    final String department;
    final String agent;

    Tables(DatabaseKind kind, String qualifier, String prefix) {
        this.kind = kind;
        this.chat = qualifier + prefix + "chat";
        this.message = qualifier + prefix + "message";
        this.article = qualifier + prefix + "kb_article";
        this.presence = qualifier + prefix + "presence";
        this.outbox = qualifier + prefix + "outbox";
        this.rollup = qualifier + prefix + "chat_rollup";
        this.rollupZone = qualifier + prefix + "chat_rollup_zone";
        this.hours = qualifier + prefix + "business_hours";
        this.cannedResponse = qualifier + prefix + "canned_response";
        this.department = qualifier + prefix + "department";
        this.agent = qualifier + prefix + "agent";
    }

    boolean postgres() {
        return kind == DatabaseKind.POSTGRESQL;
    }
}
