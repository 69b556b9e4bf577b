package dev.paceline.platform.warehouse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.layout.LakeLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Rows as newline-delimited JSON staged in the (GCS) lake under {@code state/warehouse/appends/<id>/}, in parts of
 * at most {@link #PART_BYTES}, then one load job appending them all; the staged parts are deleted whatever
 * happens. BigQuery has no cheap per-row insert for batch data (streaming inserts are billed and buffered).
 */
final class BigQueryStagedAppender implements RowAppender {

    /** Uncompressed size of one staged part (bounds the heap an appender holds). */
    static final int PART_BYTES = 32 << 20;
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private final BigQueryWarehouse warehouse;
    private final Lake lake;
    private final String table;
    private final TableSchema schema;
    private final String prefix = LakeLayout.state("warehouse", "appends/" + UUID.randomUUID() + "/");
    private final List<String> parts = new ArrayList<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);
    private long rows;
    private boolean closed;

    BigQueryStagedAppender(BigQueryWarehouse warehouse, Lake lake, String table, TableSchema schema) {
        this.warehouse = warehouse;
        this.lake = lake;
        this.table = table;
        this.schema = schema;
    }

    @Override
    public void append(Object... values) {
        List<Column> columns = schema.columns();
        RowValues.checkWidth(warehouse.qualify(table), columns, values);
        try (JsonGenerator g = JSON.createGenerator(buffer)) {
            g.writeStartObject();
            for (int i = 0; i < values.length; i++) {
                Object v = RowValues.canonical(warehouse.qualify(table), columns.get(i), values[i]);
                if (v != null) {
                    g.writeFieldName(columns.get(i).name());
                    writeValue(g, v);
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new WarehouseException("cannot stage a row for " + warehouse.qualify(table) + ": " + e.getMessage(), e);
        }
        buffer.write('\n');
        rows++;
        if (buffer.size() >= PART_BYTES) {
            flushPart();
        }
    }

    private void flushPart() {
        if (buffer.size() == 0) {
            return;
        }
        String path = prefix + String.format("part-%05d.ndjson", parts.size());
        lake.put(path, buffer.toByteArray());
        parts.add(path);
        buffer.reset();
    }

    @Override
    public long finish() {
        try {
            flushPart();
            warehouse.load(table, schema, parts, WriteMode.APPEND);
            return rows;
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        buffer.reset();
        for (String part : parts) {
            lake.delete(part);
        }
    }

    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v instanceof Long n) {
            g.writeNumber(n);
        } else if (v instanceof Double d) {
            if (Double.isFinite(d)) {
                g.writeNumber(d);
            } else {
                g.writeString(d.isNaN() ? "NaN" : d > 0 ? "Infinity" : "-Infinity"); // as BigQuery writes them
            }
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof BigDecimal d) {
            g.writeString(d.toPlainString());
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                if (item == null) {
                    throw new IllegalArgumentException("BigQuery arrays cannot hold null elements: " + list);
                }
                writeValue(g, item);
            }
            g.writeEndArray();
        } else {
            g.writeString(v.toString()); // STRING, JSON text, and ISO text of DATE, DATETIME, TIMESTAMP
        }
    }
}
