package dev.paceline.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Parsing of {@code paceline.lake.uri}: accepted forms and clear refusals ({@code WarehouseUriTest} in platform-warehouse for the warehouse). */
class StorageUriTest {

    @Test
    void lakeFolderForms() {
        assertThat(LakeUri.parse("./.paceline/lake"))
                .isEqualTo(new LakeUri.Folder(Path.of(".paceline/lake").toAbsolutePath().normalize()));
        assertThat(LakeUri.parse("/srv/lake/")).isEqualTo(new LakeUri.Folder(Path.of("/srv/lake")));
        assertThat(LakeUri.parse("file:///srv/lake")).isEqualTo(new LakeUri.Folder(Path.of("/srv/lake")));
        assertThat(LakeUri.parse(" file:///srv/a/../lake ")).isEqualTo(new LakeUri.Folder(Path.of("/srv/lake")));
    }

    @Test
    void lakeGcsForms() {
        assertThat(LakeUri.parse("gs://paceline-prod")).isEqualTo(new LakeUri.Gcs("paceline-prod", ""));
        assertThat(LakeUri.parse("gs://paceline-prod/env/prod/")).isEqualTo(new LakeUri.Gcs("paceline-prod", "env/prod"));
        assertThat(LakeUri.parse("gs://my.bucket_1/lake")).isEqualTo(new LakeUri.Gcs("my.bucket_1", "lake"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "\"\"                      | it is empty",
            "\"   \"                   | it is empty",
            "gs://                   | is not a valid GCS bucket name",
            "gs://UPPER/x            | 'UPPER' is not a valid GCS bucket name",
            "gs://bkt/a//c           | empty or '..' segment",
            "gs://bucket/a/../b      | empty or '..' segment",
            "s3://bucket/x           | the scheme 's3' is not supported",
            "http://example.com/lake | the scheme 'http' is not supported",
            "file:relative/path      | file: URIs must be absolute",
    })
    void malformedLakeUrisNameTheKeyAndTheAcceptedForms(String value, String why) {
        assertThatThrownBy(() -> LakeUri.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("paceline.lake.uri='" + value + "' is invalid: ")
                .hasMessageContaining(why)
                .hasMessageEndingWith("Accepted forms: " + LakeUri.ACCEPTED);
    }

    @Test
    void nullLakeUriIsRefused() {
        assertThatThrownBy(() -> LakeUri.parse(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("paceline.lake.uri").hasMessageContaining("it is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"./.paceline/lake", "gs://paceline-prod/env"})
    void defaultsAndExamplesFromTheDocsParse(String value) {
        assertThat(LakeUri.parse(value)).isNotNull();
    }
}
