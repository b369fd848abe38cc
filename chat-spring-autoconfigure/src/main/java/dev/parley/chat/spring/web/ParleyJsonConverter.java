package dev.parley.chat.spring.web;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes Parley's own JSON types with Parley's own mapper, so the documented shape of the API (camelCase
 * names, ISO-8601 times, nulls included) does not change with the application's Jackson settings. Every other type
 * is left to the application's converters.
 */
final class ParleyJsonConverter extends JacksonJsonHttpMessageConverter {

    /** The mapper of Parley's JSON: Jackson 3's defaults. */
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    ParleyJsonConverter() {
        super(MAPPER);
    }

    @Override
    public boolean canRead(ResolvableType type, @Nullable MediaType mediaType) {
        return isParleys(type.resolve()) && super.canRead(type, mediaType);
    }

    @Override
    public boolean canWrite(ResolvableType type, Class<?> valueClass, @Nullable MediaType mediaType) {
        return isParleys(valueClass) && super.canWrite(type, valueClass, mediaType);
    }

    @Override
    public boolean canRead(Class<?> clazz, @Nullable MediaType mediaType) {
        return isParleys(clazz) && super.canRead(clazz, mediaType);
    }

    @Override
    public boolean canWrite(Class<?> clazz, @Nullable MediaType mediaType) {
        return isParleys(clazz) && super.canWrite(clazz, mediaType);
    }

    private static boolean isParleys(@Nullable Class<?> type) {
        return type != null && type.getName().startsWith("dev.parley.chat.");
    }
}
