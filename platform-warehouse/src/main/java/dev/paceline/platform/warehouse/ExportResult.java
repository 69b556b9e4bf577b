package dev.paceline.platform.warehouse;

import java.util.List;

/** What an export wrote: the lake paths and the number of rows. */
public record ExportResult(List<String> lakePaths, long rows) {
}
