package io.vidlog.app.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Short, client-facing explanations of unreadable input. Exception messages of Jackson and Spring name Java classes
 * and handler methods, so they are never passed on as they are.
 */
final class BadInputDetails {

    /** Echoed values are cut here: a client that sent a megabyte of garbage does not need it back. */
    private static final int MAX_ECHOED_LENGTH = 64;

    private BadInputDetails() {
    }

    static String unreadableBody(HttpMessageNotReadableException exception) {
        Throwable cause = exception.getCause();
        // Checked first: the data binder wraps a syntax error inside a field with that field's path.
        JsonParseException parse = syntaxError(cause);
        if (parse != null) {
            return "Malformed JSON at line %d, column %d: %s".formatted(parse.getLocation().getLineNr(),
                    parse.getLocation().getColumnNr(), parse.getOriginalMessage());
        }
        if (cause instanceof InvalidFormatException invalid) {
            return invalidValue(invalid.getValue(), "field '" + path(invalid) + "'", invalid.getTargetType());
        }
        if (cause instanceof MismatchedInputException mismatched) {
            String expected = expected(mismatched.getTargetType());
            return mismatched.getPath().isEmpty() ? "The request body must be " + expected
                    : "Field '" + path(mismatched) + "' must be " + expected;
        }
        if (cause instanceof ValueInstantiationException rejected) {
            String field = rejected.getPath().isEmpty() ? "" : " for field '" + path(rejected) + "'";
            // A constructor's own argument check speaks to the client; anything else it threw is internal.
            String reason = rejected.getCause() instanceof IllegalArgumentException argument
                    && argument.getMessage() != null ? ": " + argument.getMessage() : "";
            return "Invalid value" + field + reason;
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "Invalid value for field '" + path(mapping) + "'";
        }
        if (cause instanceof JsonProcessingException json) {
            return "Unreadable JSON: " + json.getOriginalMessage();
        }
        return "The request body is missing or not readable";
    }

    private static JsonParseException syntaxError(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException parse && parse.getLocation() != null) {
                return parse;
            }
        }
        return null;
    }

    static String invalidValue(Object value, String where, Class<?> expectedType) {
        String verdict = expectedType.isEnum() ? "Unknown value" : "Invalid value";
        return "%s '%s' for %s; expected %s".formatted(verdict, echo(value), where, expected(expectedType));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a different JSON value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        // JDK value types (UUID, Instant, Duration...) arrive as strings; everything else of ours is an object.
        return type.getName().startsWith("java.") ? "a valid " + type.getSimpleName() : "an object";
    }

    private static String path(JsonMappingException exception) {
        List<JsonMappingException.Reference> references = exception.getPath();
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String echo(Object value) {
        String text = String.valueOf(value);
        return text.length() <= MAX_ECHOED_LENGTH ? text : text.substring(0, MAX_ECHOED_LENGTH) + "…";
    }
}
