package dev.parley.chat.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class ParleyErrorResolverTest {

    private final ParleyErrorResolver resolver = new ParleyErrorResolver(JsonMapper.builder().build(),
            List.of("/api/v1/chat", "/api/v1/admin/chat"), 5L * 1024 * 1024);

    @Test
    void anUnexpectedErrorIs500WithoutItsInternals() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/chat");
        MockHttpServletResponse response = new MockHttpServletResponse();

        var mav = resolver.resolveException(request, response, null,
                new IllegalStateException("jdbc:postgresql://db.internal/secret failed"));

        assertThat(mav).isNotNull();
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentAsString()).contains("\"success\":false").contains("\"INTERNAL\"")
                .doesNotContain("jdbc").doesNotContain("IllegalStateException");
    }

    @Test
    void requestsOfTheApplicationAreLeftToItsOwnErrorHandling() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/orders/1");

        assertThat(resolver.resolveException(request, new MockHttpServletResponse(), null,
                new IllegalStateException("boom"))).isNull();
    }

    @Test
    void everyErrorCodeHasItsStatus() {
        assertThat(ParleyErrorResolver.status(dev.parley.chat.ErrorCode.VALIDATION)).isEqualTo(400);
        assertThat(ParleyErrorResolver.status(dev.parley.chat.ErrorCode.UNAUTHENTICATED)).isEqualTo(401);
        assertThat(ParleyErrorResolver.status(dev.parley.chat.ErrorCode.FORBIDDEN)).isEqualTo(403);
        assertThat(ParleyErrorResolver.status(dev.parley.chat.ErrorCode.NOT_FOUND)).isEqualTo(404);
        assertThat(ParleyErrorResolver.status(dev.parley.chat.ErrorCode.CONFLICT)).isEqualTo(409);
        assertThat(ParleyErrorResolver.status(dev.parley.chat.ErrorCode.TOO_LARGE)).isEqualTo(413);
        assertThat(ParleyErrorResolver.status(dev.parley.chat.ErrorCode.UNSUPPORTED_TYPE)).isEqualTo(415);
        assertThat(ParleyErrorResolver.status(dev.parley.chat.ErrorCode.RATE_LIMITED)).isEqualTo(429);
        assertThat(ParleyErrorResolver.status(dev.parley.chat.ErrorCode.STORAGE_UNAVAILABLE)).isEqualTo(503);
    }
}
