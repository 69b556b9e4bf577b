package dev.paceline.platform.testing.googlesql;

import com.google.protobuf.ByteString;
import com.google.zetasql.ArrayType;
import com.google.zetasql.StructType;
import com.google.zetasql.StructType.StructField;
import com.google.zetasql.Type;
import com.google.zetasql.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conversion between plain Java values and GoogleSQL {@link Value}s.
 *
 * <p>Output normalisation (documented in {@code docs/googlesql-harness.md}): INT64 → {@link Long}, FLOAT64 →
 * {@link Double}, NUMERIC/BIGNUMERIC → {@link BigDecimal} without trailing zeros, BOOL → {@link Boolean}, STRING → {@link String},
 * BYTES → {@code byte[]}, DATE → {@link LocalDate}, DATETIME → {@link LocalDateTime}, TIME → {@link LocalTime},
 * TIMESTAMP → {@link Instant}, JSON → canonical JSON {@link String}, ARRAY → unmodifiable {@link List},
 * STRUCT → unmodifiable {@link Map} by field name (in field order), NULL → {@code null}.
 */
final class Values {

  private Values() {
  }

  /** A Java value as a GoogleSQL value of the given column type; {@code where} names the cell in errors. */
  static Value toValue(Object value, Type type, String where) {
    if (value == null) {
      return Value.createNullValue(type);
    }
    try {
      return switch (type.getKind()) {
        case TYPE_INT64 -> Value.createInt64Value(toLong(value));
        case TYPE_DOUBLE -> Value.createDoubleValue(requireNumber(value).doubleValue());
        case TYPE_NUMERIC -> Value.createNumericValue(toBigDecimal(value));
        case TYPE_BIGNUMERIC -> Value.createBigNumericValue(toBigDecimal(value));
        case TYPE_BOOL -> Value.createBoolValue(require(value, Boolean.class));
        case TYPE_STRING -> Value.createStringValue(require(value, String.class));
        case TYPE_BYTES -> Value.createBytesValue(ByteString.copyFrom(require(value, byte[].class)));
        case TYPE_DATE -> Value.createDateValue(value instanceof String s ? LocalDate.parse(s)
            : require(value, LocalDate.class));
        case TYPE_DATETIME -> Value.createDatetimeValue(value instanceof String s ? LocalDateTime.parse(s)
            : require(value, LocalDateTime.class));
        case TYPE_TIME -> Value.createTimeValue(value instanceof String s ? LocalTime.parse(s)
            : require(value, LocalTime.class));
        case TYPE_TIMESTAMP -> Value.createTimestampValueFromUnixMicros(toMicros(value));
        case TYPE_JSON -> Value.createJsonValue(value instanceof String s ? Json.canonical(s) : Json.write(value));
        case TYPE_ARRAY -> toArray(value, type.asArray(), where);
        case TYPE_STRUCT -> toStruct(value, type.asStruct(), where);
        default -> throw new IllegalArgumentException("type " + BigQueryTypes.name(type)
            + " is not supported as table content by the harness; use a column of another type");
      };
    } catch (IllegalArgumentException | ArithmeticException | DateTimeParseException e) {
      throw new IllegalArgumentException(where + ": cannot use " + describe(value) + " as "
          + BigQueryTypes.name(type) + ": " + e.getMessage(), e);
    }
  }

  /** A GoogleSQL value as a plain, comparable Java value (see the class comment). */
  static Object toJava(Value value) {
    if (value.isNull()) {
      return null;
    }
    Type type = value.getType();
    return switch (type.getKind()) {
      case TYPE_INT64, TYPE_INT32, TYPE_UINT32, TYPE_UINT64, TYPE_ENUM -> value.toInt64();
      case TYPE_DOUBLE, TYPE_FLOAT -> value.toDouble();
      case TYPE_NUMERIC -> normalise(value.getNumericValue());
      case TYPE_BIGNUMERIC -> normalise(value.getBigNumericValue());
      case TYPE_BOOL -> value.getBoolValue();
      case TYPE_STRING -> value.getStringValue();
      case TYPE_BYTES -> value.getBytesValue().toByteArray();
      case TYPE_DATE -> value.getLocalDateValue();
      case TYPE_DATETIME -> value.getLocalDateTimeValue();
      case TYPE_TIME -> value.getLocalTimeValue();
      case TYPE_TIMESTAMP -> Instant.EPOCH.plus(value.getTimestampUnixMicros(), ChronoUnit.MICROS);
      case TYPE_JSON -> Json.canonical(value.getJsonValue());
      case TYPE_INTERVAL -> value.getIntervalValue().toString();
      case TYPE_ARRAY -> {
        List<Object> elements = new ArrayList<>(value.getElementCount());
        for (Value element : value.getElementList()) {
          elements.add(toJava(element));
        }
        yield Collections.unmodifiableList(elements);
      }
      case TYPE_STRUCT -> {
        Map<String, Object> fields = new LinkedHashMap<>();
        StructType struct = type.asStruct();
        for (int i = 0; i < struct.getFieldCount(); i++) {
          String name = struct.getField(i).getName();
          fields.put(name.isEmpty() ? "_field_" + (i + 1) : name, toJava(value.getField(i)));
        }
        yield Collections.unmodifiableMap(fields);
      }
      default -> throw new UnsupportedOperationException("the harness cannot convert a result of type "
          + BigQueryTypes.name(type) + " to Java: cast it to STRING in the query");
    };
  }

  /** NUMERIC values carry scale 9 (BIGNUMERIC 38): drop trailing zeros so 12.345 equals 12.345000000. */
  static BigDecimal normalise(BigDecimal decimal) {
    BigDecimal stripped = decimal.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static Value toArray(Object value, ArrayType type, String where) {
    List<?> list;
    if (value instanceof List<?> l) {
      list = l;
    } else if (value instanceof Object[] a) {
      list = List.of(a);
    } else {
      throw new IllegalArgumentException("an ARRAY needs a java.util.List");
    }
    List<Value> elements = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      elements.add(toValue(list.get(i), type.getElementType(), where + "[" + i + "]"));
    }
    return Value.createArrayValue(type, elements);
  }

  private static Value toStruct(Object value, StructType type, String where) {
    List<Value> fields = new ArrayList<>(type.getFieldCount());
    if (value instanceof Map<?, ?> map) {
      for (StructField field : type.getFieldList()) {
        if (!map.containsKey(field.getName())) {
          throw new IllegalArgumentException("the map has no key \"" + field.getName() + "\"; STRUCT fields are "
              + type.getFieldList().stream().map(StructField::getName).toList());
        }
        fields.add(toValue(map.get(field.getName()), field.getType(), where + "." + field.getName()));
      }
    } else if (value instanceof List<?> list) {
      if (list.size() != type.getFieldCount()) {
        throw new IllegalArgumentException("the list has " + list.size() + " values for " + type.getFieldCount()
            + " STRUCT fields");
      }
      for (int i = 0; i < list.size(); i++) {
        StructField field = type.getField(i);
        fields.add(toValue(list.get(i), field.getType(), where + "." + field.getName()));
      }
    } else {
      throw new IllegalArgumentException("a STRUCT needs a Map by field name or a List in field order");
    }
    return Value.createStructValue(type, fields);
  }

  private static long toLong(Object value) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big) {
      return big.longValueExact();
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.longValueExact();
    }
    throw new IllegalArgumentException("INT64 needs a Long, Integer, Short, Byte or an integral BigInteger/BigDecimal");
  }

  private static BigDecimal toBigDecimal(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof BigInteger big) {
      return new BigDecimal(big);
    }
    if (value instanceof String s) {
      return new BigDecimal(s);
    }
    throw new IllegalArgumentException("NUMERIC needs a BigDecimal, an integer or a decimal String (not a double, "
        + "which is not exact)");
  }

  private static long toMicros(Object value) {
    Instant instant;
    if (value instanceof Instant i) {
      instant = i;
    } else if (value instanceof OffsetDateTime o) {
      instant = o.toInstant();
    } else if (value instanceof ZonedDateTime z) {
      instant = z.toInstant();
    } else if (value instanceof String s) {
      instant = OffsetDateTime.parse(s).toInstant();
    } else {
      throw new IllegalArgumentException("TIMESTAMP needs an Instant, OffsetDateTime, ZonedDateTime or an ISO-8601 "
          + "String with offset");
    }
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
  }

  private static Number requireNumber(Object value) {
    return require(value, Number.class);
  }

  private static <T> T require(Object value, Class<T> type) {
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException("expected " + type.getSimpleName());
    }
    return type.cast(value);
  }

  private static String describe(Object value) {
    String text = String.valueOf(value);
    if (text.length() > 60) {
      text = text.substring(0, 57) + "...";
    }
    return value.getClass().getSimpleName() + " " + text;
  }
}
