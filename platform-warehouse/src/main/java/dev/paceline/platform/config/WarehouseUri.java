package dev.paceline.platform.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed {@code paceline.warehouse.uri}: DuckDB in a file ({@code duckdb:./.paceline/warehouse.duckdb}) or in memory
 * ({@code duckdb::memory:}), or a BigQuery dataset ({@code bigquery://PROJECT/DATASET?location=EU}).
 */
public sealed interface WarehouseUri {

    String KEY = "paceline.warehouse.uri";
    String ACCEPTED = "duckdb:./path/warehouse.duckdb, duckdb::memory:, or bigquery://PROJECT/DATASET?location=EU";

    /** @param file the database file, or null for an in-memory database */
    record DuckDb(Path file) implements WarehouseUri {
        public boolean inMemory() {
            return file == null;
        }
    }

    record BigQuery(String project, String dataset, String location) implements WarehouseUri {
    }

    /** Parses the value of {@value #KEY}; a malformed value is an {@link IllegalArgumentException} naming the key and the accepted forms. */
    static WarehouseUri parse(String value) {
        if (value == null || value.isBlank()) {
            throw invalid(value, "it is empty");
        }
        String v = value.trim();
        if (v.startsWith("duckdb:")) {
            String path = v.substring("duckdb:".length());
            if (path.startsWith("//")) {
                path = path.substring(2);
            }
            if (path.isEmpty() || path.equals(":memory:")) {
                return new DuckDb(null);
            }
            return new DuckDb(Path.of(path).toAbsolutePath().normalize());
        }
        if (v.startsWith("bigquery://")) {
            String rest = v.substring("bigquery://".length());
            String query = "";
            int q = rest.indexOf('?');
            if (q >= 0) {
                query = rest.substring(q + 1);
                rest = rest.substring(0, q);
            }
            String[] parts = rest.split("/", -1);
            if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
                throw invalid(value, "it must name a project and a dataset");
            }
            if (!parts[0].matches("[a-z][a-z0-9-]{4,61}[a-z0-9]|[a-z0-9.:-]+")) {
                throw invalid(value, "'" + parts[0] + "' is not a valid project id");
            }
            if (!parts[1].matches("[A-Za-z0-9_]{1,1024}")) {
                throw invalid(value, "'" + parts[1] + "' is not a valid dataset name (letters, digits, underscores)");
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = eq < 0 ? pair : pair.substring(0, eq);
                String val = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (!k.equals("location")) {
                    throw invalid(value, "unknown parameter '" + k + "' (only location is accepted)");
                }
                if (val.isBlank()) {
                    throw invalid(value, "the location is empty (e.g. location=EU)");
                }
                params.put(k, val);
            }
            return new BigQuery(parts[0], parts[1], params.getOrDefault("location", "US"));
        }
        throw invalid(value, "the scheme is not duckdb: or bigquery://");
    }

    private static IllegalArgumentException invalid(String value, String why) {
        return new IllegalArgumentException(KEY + "='" + value + "' is invalid: " + why + ". Accepted forms: " + ACCEPTED);
    }
}
