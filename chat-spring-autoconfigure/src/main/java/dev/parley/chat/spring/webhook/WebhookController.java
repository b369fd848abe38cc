package dev.parley.chat.spring.webhook;

import dev.parley.chat.WebhookDelivery;
import dev.parley.chat.WebhookEndpoint;
import dev.parley.chat.spring.security.AdminOnly;
import dev.parley.chat.spring.web.ApiResponse;
import dev.parley.chat.webhook.EndpointDraft;
import dev.parley.chat.webhook.WebhookService;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin endpoints of webhooks: endpoints (the secret shown only when created or rotated), their deliveries with
 * every attempt, and sending a delivery again.
 */
@AdminOnly
@RestController
@RequestMapping(path = "/api/v1/admin/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
final class WebhookController {

    private final WebhookService webhooks;

    WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    /** A webhook endpoint to create or change; on a change, absent fields keep their value. */
    record EndpointRequest(@Nullable String url, @Nullable String description, @Nullable List<String> events,
            @Nullable Boolean enabled) {

        EndpointDraft draft() {
            return new EndpointDraft(url, description, events, enabled);
        }
    }

    @GetMapping
    ApiResponse<List<WebhookViews.Endpoint>> list() {
        return ApiResponse.ok(webhooks.list().stream().map(WebhookViews::endpoint).toList());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ApiResponse<WebhookViews.WithSecret> create(@RequestBody EndpointRequest body) {
        WebhookEndpoint created = webhooks.create(body.draft());
        return ApiResponse.ok(new WebhookViews.WithSecret(WebhookViews.endpoint(created), created.secret()));
    }

    @GetMapping("/{id}")
    ApiResponse<WebhookViews.Endpoint> get(@PathVariable long id) {
        return ApiResponse.ok(WebhookViews.endpoint(webhooks.get(id)));
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ApiResponse<WebhookViews.Endpoint> update(@PathVariable long id, @RequestBody EndpointRequest body) {
        return ApiResponse.ok(WebhookViews.endpoint(webhooks.update(id, body.draft())));
    }

    @DeleteMapping("/{id}")
    ApiResponse<WebhookViews.Deleted> delete(@PathVariable long id) {
        webhooks.delete(id);
        return ApiResponse.ok(new WebhookViews.Deleted(id));
    }

    @PostMapping("/{id}/rotate-secret")
    ApiResponse<WebhookViews.WithSecret> rotate(@PathVariable long id) {
        WebhookEndpoint rotated = webhooks.rotateSecret(id);
        return ApiResponse.ok(new WebhookViews.WithSecret(WebhookViews.endpoint(rotated), rotated.secret()));
    }

    @GetMapping("/{id}/deliveries")
    ApiResponse<List<WebhookViews.Delivery>> deliveries(@PathVariable long id,
            @RequestParam(defaultValue = "50") int limit) {
        return ApiResponse.ok(webhooks.deliveries(id, limit).stream()
                .map(d -> WebhookViews.delivery(d, webhooks.attempts(d.id()))).toList());
    }

    @PostMapping("/deliveries/{deliveryId}/resend")
    ApiResponse<WebhookViews.Delivery> resend(@PathVariable long deliveryId) {
        WebhookDelivery d = webhooks.resend(deliveryId);
        return ApiResponse.ok(WebhookViews.delivery(d, webhooks.attempts(d.id())));
    }
}
