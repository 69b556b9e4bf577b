package dev.paceline.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/**
 * The one configured {@link ObjectMapper} for lake objects and contracts: java.time written as ISO-8601 text (never
 * epoch numbers), unknown fields ignored (contracts grow by adding fields), numbers accepted from JSON strings
 * (BigQuery's JSON export writes INT64 as strings), and timestamps read in both export dialects: ISO-8601
 * ({@code 2024-05-01T07:30:00Z}, DuckDB exports) and BigQuery's text ({@code 2024-05-01 07:30:00 UTC},
 * {@code 2024-05-01 07:30:00.123+00}). Thread-safe; share it.
 */
public final class Json {

    /** The shared mapper. Do not reconfigure it; {@code copy()} it if you need other settings. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("paceline-temporals")
                    .addDeserializer(Instant.class, new InstantText())
                    .addDeserializer(LocalDateTime.class, new LocalDateTimeText()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private Json() {
    }

    /** Compact JSON bytes (UTF-8) of {@code value}. */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + value.getClass().getName() + " to JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Compact JSON text of {@code value}. */
    public static String writeString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + value.getClass().getName() + " to JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Parses {@code bytes} as {@code type}; malformed input is an {@link IllegalArgumentException} naming the cause. */
    public static <T> T read(byte[] bytes, Class<T> type) {
        try {
            return MAPPER.readValue(bytes, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed JSON for " + type.getSimpleName() + ": " + message(e), e);
        }
    }

    /** Parses {@code bytes} as a tree. */
    public static JsonNode tree(byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed JSON: " + message(e), e);
        }
    }

    /** ISO-8601 or BigQuery timestamp text to an instant, e.g. {@code 2024-05-01 07:30:00.5 UTC}. */
    public static Instant parseInstant(String text) {
        String t = text.strip();
        if (t.endsWith(" UTC")) {
            t = t.substring(0, t.length() - 4) + "Z";
        }
        if (t.length() > 10 && t.charAt(10) == ' ') {
            t = t.substring(0, 10) + 'T' + t.substring(11);
        }
        return OffsetDateTime.parse(t, OFFSET_DATE_TIME).toInstant();
    }

    private static final DateTimeFormatter OFFSET_DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter();

    private static final class InstantText extends StdScalarDeserializer<Instant> {
        InstantText() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                return Instant.ofEpochMilli(p.getLongValue());
            }
            String text = p.getValueAsString();
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return parseInstant(text);
            } catch (DateTimeParseException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text,
                        "not an ISO-8601 or BigQuery timestamp: " + e.getMessage());
            }
        }
    }

    private static final class LocalDateTimeText extends StdScalarDeserializer<LocalDateTime> {
        LocalDateTimeText() {
            super(LocalDateTime.class);
        }

        @Override
        public LocalDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            if (text == null || text.isBlank()) {
                return null;
            }
            String t = text.strip();
            if (t.length() > 10 && t.charAt(10) == ' ') {
                t = t.substring(0, 10) + 'T' + t.substring(11);
            }
            try {
                return LocalDateTime.parse(t);
            } catch (DateTimeParseException e) {
                return (LocalDateTime) ctxt.handleWeirdStringValue(LocalDateTime.class, text,
                        "not an ISO-8601 or BigQuery datetime: " + e.getMessage());
            }
        }
    }

    private static String message(IOException e) {
        return e instanceof JsonProcessingException j ? j.getOriginalMessage()
                + (j.getLocation() != null ? " at line " + j.getLocation().getLineNr() + ", column "
                + j.getLocation().getColumnNr() : "") : new UncheckedIOException(e).getMessage();
    }
}
