package dev.paceline.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportSourceTest {

    @TempDir
    Path dir;

    private Path zip(String... namesAndContents) throws IOException {
        Path z = dir.resolve("export.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z))) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                out.putNextEntry(new ZipEntry(namesAndContents[i]));
                out.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return z;
    }

    @Test
    void zipEntriesWithDotDotOrAbsolutePathsAreRefusedAndTheRestListed() throws IOException {
        Path z = zip("activities.csv", "x", "activities/1.gpx", "<gpx/>", "../evil.fit", "e", "/etc/cron.fit", "e",
                "activities/../../up.tcx", "e", "C:/win.gpx", "e");
        try (ImportSource s = ImportSource.open(z)) {
            assertThat(s.entries()).extracting(ImportSource.Entry::path)
                    .containsExactly("activities.csv", "activities/1.gpx");
            assertThat(s.refusals()).extracting(ImportSource.Refusal::path)
                    .containsExactlyInAnyOrder("../evil.fit", "/etc/cron.fit", "activities/../../up.tcx", "C:/win.gpx");
            assertThat(s.refusals()).allSatisfy(r -> assertThat(r.reason()).contains("not read"));
            try (InputStream in = s.open(s.find("activities/1.gpx"))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("<gpx/>");
            }
        }
    }

    @Test
    void aZipBombEntryStopsAtThePerFileLimitWithoutInflatingFurther() throws IOException {
        Path z = dir.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z))) {
            out.putNextEntry(new ZipEntry("activities/big.gpx"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        assertThat(Files.size(z)).isLessThan(1 << 20);
        try (ImportSource s = ImportSource.open(z, 8L << 20, 1L << 40)) {
            assertThatThrownBy(() -> {
                try (InputStream in = s.open(s.entries().get(0))) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            }).isInstanceOf(IOException.class).hasMessageContaining("activities/big.gpx").hasMessageContaining("8 MiB");
        }
    }

    @Test
    void theTotalLimitStopsAnImportAfterItsShare() throws IOException {
        Path z = zip("a.gpx", "0123456789", "b.gpx", "0123456789", "c.gpx", "0123456789");
        try (ImportSource s = ImportSource.open(z, 1 << 20, 15)) {
            try (InputStream in = s.open(s.entries().get(0))) {
                assertThat(in.readAllBytes()).hasSize(10);
            }
            assertThatThrownBy(() -> {
                try (InputStream in = s.open(s.entries().get(1))) {
                    in.readAllBytes();
                }
            }).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aFolderIsWalkedInPathOrderAndSymbolicLinksAreRefused() throws IOException {
        Files.createDirectories(dir.resolve("in/activities"));
        Files.writeString(dir.resolve("in/activities/2.tcx"), "t");
        Files.writeString(dir.resolve("in/activities/1.fit"), "f");
        Files.writeString(dir.resolve("outside.gpx"), "secret");
        Files.createSymbolicLink(dir.resolve("in/link.gpx"), dir.resolve("outside.gpx"));
        try (ImportSource s = ImportSource.open(dir.resolve("in"))) {
            assertThat(s.entries()).extracting(ImportSource.Entry::path)
                    .containsExactly("activities/1.fit", "activities/2.tcx");
            assertThat(s.refusals()).extracting(ImportSource.Refusal::path).containsExactly("link.gpx");
        }
    }

    @Test
    void aMissingPathIsRefusedSayingWhatToPass() {
        assertThatThrownBy(() -> ImportSource.open(dir.resolve("nope.zip")))
                .hasMessageContaining("does not exist")
                .hasMessageContaining("export .zip");
    }

    @Test
    void aFileThatIsNotAZipButNamedSoIsRefusedWithTheFix() throws IOException {
        Path z = dir.resolve("fake.zip");
        Files.writeString(z, "not a zip");
        assertThatThrownBy(() -> ImportSource.open(z)).hasMessageContaining("not a readable zip archive");
    }
}
