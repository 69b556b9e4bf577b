package dev.paceline.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing of {@code paceline.warehouse.uri}: accepted forms and clear refusals. */
class WarehouseUriTest {

    @Test
    void warehouseDuckDbForms() {
        assertThat(WarehouseUri.parse("duckdb:./.paceline/warehouse.duckdb")).isEqualTo(
                new WarehouseUri.DuckDb(Path.of(".paceline/warehouse.duckdb").toAbsolutePath().normalize()));
        assertThat(WarehouseUri.parse("duckdb:/srv/w.duckdb")).isEqualTo(new WarehouseUri.DuckDb(Path.of("/srv/w.duckdb")));
        assertThat(WarehouseUri.parse("duckdb:///srv/w.duckdb")).isEqualTo(new WarehouseUri.DuckDb(Path.of("/srv/w.duckdb")));
        WarehouseUri memory = WarehouseUri.parse("duckdb::memory:");
        assertThat(memory).isEqualTo(new WarehouseUri.DuckDb(null));
        assertThat(((WarehouseUri.DuckDb) memory).inMemory()).isTrue();
    }

    @Test
    void warehouseBigQueryForms() {
        assertThat(WarehouseUri.parse("bigquery://my-project-1/paceline?location=EU"))
                .isEqualTo(new WarehouseUri.BigQuery("my-project-1", "paceline", "EU"));
        assertThat(WarehouseUri.parse("bigquery://my-project-1/paceline_prod"))
                .isEqualTo(new WarehouseUri.BigQuery("my-project-1", "paceline_prod", "US"));
        assertThat(WarehouseUri.parse("bigquery://my-project-1/paceline?location=europe-west1"))
                .isEqualTo(new WarehouseUri.BigQuery("my-project-1", "paceline", "europe-west1"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "\"\"                                      | it is empty",
            "postgres://db/x                         | the scheme is not duckdb: or bigquery://",
            "bigquery://my-project-1                 | it must name a project and a dataset",
            "bigquery://my-project-1/                | it must name a project and a dataset",
            "bigquery://my-project-1/a/b             | it must name a project and a dataset",
            "bigquery://My_Project/ds                | 'My_Project' is not a valid project id",
            "bigquery://my-project-1/bad-name        | 'bad-name' is not a valid dataset name",
            "bigquery://my-project-1/ds?region=EU    | unknown parameter 'region'",
            "bigquery://my-project-1/ds?location=    | the location is empty",
    })
    void malformedWarehouseUrisNameTheKeyAndTheAcceptedForms(String value, String why) {
        assertThatThrownBy(() -> WarehouseUri.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("paceline.warehouse.uri='" + value + "' is invalid: ")
                .hasMessageContaining(why)
                .hasMessageEndingWith("Accepted forms: " + WarehouseUri.ACCEPTED);
    }
}
