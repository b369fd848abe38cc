package dev.parley.chat.spring.web;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes Parley's own JSON types with Parley's own mapper, so the documented shape of the API (camelCase
 * names, ISO-8601 times, nulls included) does not change with the application's Jackson settings. Every other type
 * is left to the application's converters. The mapper reads within the bounds of {@link ParleyWebProperties.Body}.
 */
final class ParleyJsonConverter extends JacksonJsonHttpMessageConverter {

    /** The mapper of Parley's JSON: Jackson 3's defaults, reading within the default body bounds. */
    static final JsonMapper MAPPER = mapper(ParleyWebProperties.Body.DEFAULT);

    ParleyJsonConverter() {
        this(MAPPER);
    }

    ParleyJsonConverter(JsonMapper mapper) {
        super(mapper);
    }

    /** A mapper with Jackson 3's defaults whose reading stops at the bounds of the body. */
    static JsonMapper mapper(ParleyWebProperties.Body body) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxDocumentLength(body.maxSize().toBytes())
                .maxStringLength(body.maxStringLength())
                .maxNestingDepth(body.maxNestingDepth())
                .build();
        return JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build()).build();
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
