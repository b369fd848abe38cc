package dev.parley.chat.webhook;

import static dev.parley.chat.WebhookEventType.CHAT_TRANSFERRED;

import dev.parley.chat.event.ChatEvent;
import dev.parley.chat.event.EventCodec;
import dev.parley.chat.store.ChatStore;
import dev.parley.chat.store.EventRecords;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event log of a store, recording {@code chat.transferred} in the transaction that appends a transfer to the log:
 * a transfer is the one change that is not a single chat or message write, so it is recognised by its event.
 */
final class TransferRecordingEvents implements EventRecords {

    private static final String TRANSFERRED = "{\"type\":\"ChatTransferred\"";

    private final ChatStore store;
    private final EventRecords log;
    private final WebhookRecorder recorder;
    private final EventCodec codec = new EventCodec();

    TransferRecordingEvents(ChatStore store, WebhookRecorder recorder) {
        this.store = store;
        this.log = store.events();
        this.recorder = recorder;
    }

    @Override
    public void append(List<Draft> events) {
        if (events.stream().noneMatch(d -> d.payload().startsWith(TRANSFERRED))
                || !recorder.anyWants(CHAT_TRANSFERRED)) {
            log.append(events);
            return;
        }
        store.transactions().run(() -> {
            log.append(events);
            for (Draft d : events) {
                if (d.payload().startsWith(TRANSFERRED)
                        && codec.decode(d.payload()) instanceof ChatEvent.ChatTransferred t) {
                    recorder.record(CHAT_TRANSFERRED, data(t));
                }
            }
        });
    }

    private static Map<String, Object> data(ChatEvent.ChatTransferred t) {
        Map<String, Object> previous = new LinkedHashMap<>();
        previous.put("department", t.fromDepartment());
        previous.put("assignedTo", t.fromAssignee());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("chat", Payloads.chat(t.chat()));
        data.put("previous", previous);
        data.put("transferredBy", t.byAdmin());
        data.put("noteId", t.noteId());
        return data;
    }

    @Override
    public List<Logged> after(long afterId, int limit) {
        return log.after(afterId, limit);
    }

    @Override
    public long head() {
        return log.head();
    }

    @Override
    public long oldest() {
        return log.oldest();
    }

    @Override
    public int trim(Instant cutoff) {
        return log.trim(cutoff);
    }
}
