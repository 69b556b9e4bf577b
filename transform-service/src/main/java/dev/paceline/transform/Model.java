package dev.paceline.transform;

import dev.paceline.platform.warehouse.TableSchema;
import dev.paceline.transform.template.Template;
import java.util.List;
import java.util.Set;

/**
 * One node of the model DAG: a SQL model, a seed or a Java model.
 *
 * @param name table or view name in the warehouse (the file name without extension)
 * @param layer staging | intermediate | marts | seeds | java
 * @param resource where it came from (resource path or override file), for error messages
 * @param template the parsed SQL template (SQL models only)
 * @param materialization how it is persisted
 * @param uniqueKey the MERGE key of incremental models (empty otherwise)
 * @param serve exported to the serving snapshot (marts)
 * @param batchSeconds incremental models: on DuckDB, a build over activities of more elapsed seconds than this runs in
 *                     batches of up to this many elapsed seconds (0: never); bounds the memory of models that expand
 *                     stream payloads, whose size follows the activities' durations
 * @param grain what one row is, in one line
 * @param description free text
 * @param tests data tests from the header
 * @param refs models and seeds this node reads
 * @param sources raw tables this node reads, as {@code source_name.table}
 * @param seedSchema declared columns (seeds and Java models)
 * @param seedCsv the CSV body without its header (seeds only)
 */
public record Model(
        String name,
        String layer,
        String resource,
        Template template,
        Materialization materialization,
        List<String> uniqueKey,
        boolean serve,
        long batchSeconds,
        String grain,
        String description,
        List<DataTestSpec> tests,
        Set<String> refs,
        Set<String> sources,
        TableSchema seedSchema,
        String seedCsv) {

    public boolean isSeed() {
        return materialization == Materialization.SEED;
    }

    public boolean isJava() {
        return layer.equals("java");
    }
}
