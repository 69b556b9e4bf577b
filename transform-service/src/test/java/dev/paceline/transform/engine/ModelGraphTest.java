package dev.paceline.transform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paceline.transform.Model;
import dev.paceline.transform.ModelException;
import dev.paceline.transform.load.RawLoader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelGraphTest {

    private static Model sql(String name, String body) {
        return ModelCatalog.sqlModel(name, "marts", "models/marts/" + name + ".sql", "{# grain: one row per x #}\n" + body);
    }

    private static ModelGraph graph(Model... models) {
        Map<String, Model> map = new LinkedHashMap<>();
        for (Model m : models) {
            map.put(m.name(), m);
        }
        return new ModelGraph(map);
    }

    @Test
    void ordersParentsFirstAndSelectsSubgraphs() {
        ModelGraph g = graph(
                sql("d", "select * from {{ ref('b') }} join {{ ref('c') }} on true"),
                sql("b", "select * from {{ ref('a') }}"),
                sql("c", "select * from {{ ref('a') }}"),
                sql("a", "select * from {{ source('strava', 'activities') }}"),
                sql("e", "select 1 as x"));
        assertThat(g.order()).containsExactly("a", "b", "c", "d", "e");
        assertThat(g.select("b")).containsExactly("b");
        assertThat(g.select("b+")).containsExactly("b", "d");
        assertThat(g.select("+b")).containsExactly("a", "b");
        assertThat(g.select("+d")).containsExactly("a", "b", "c", "d");
        assertThat(g.select("a+ e")).containsExactly("a", "b", "c", "d", "e");
        assertThat(g.select("")).hasSize(5);
        assertThatThrownBy(() -> g.select("zz+")).isInstanceOf(ModelException.class)
                .hasMessageContaining("'zz+' names no model");
    }

    @Test
    void cyclesAndUnknownRefsAreClearErrors() {
        assertThatThrownBy(() -> graph(
                sql("a", "select * from {{ ref('c') }}"),
                sql("b", "select * from {{ ref('a') }}"),
                sql("c", "select * from {{ ref('b') }}")))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("cycle: a -> b -> c -> a");
        assertThatThrownBy(() -> graph(sql("a", "select * from {{ ref('nope') }}")))
                .hasMessageContaining("ref('nope') names no model or seed");
        assertThatThrownBy(() -> graph(sql("a", "select * from {{ source('strava', 'gear') }}")))
                .hasMessageContaining("source('strava', 'gear') is not a raw table");
    }

    @Test
    void headersAndConfigAreValidated() {
        assertThatThrownBy(() -> ModelCatalog.sqlModel("x", "marts", "x.sql", "select 1"))
                .hasMessageContaining("starts with a '{# grain: … #}' header");
        assertThatThrownBy(() -> sql("x", "{{ config(materialized='ephemeral') }} select 1"))
                .hasMessageContaining("materialized='ephemeral' is not one of");
        assertThatThrownBy(() -> sql("x", "{{ config(materialized='incremental', unique_key=['id']) }} select 1"))
                .hasMessageContaining("unique_key including 'athlete_id' and 'activity_id'");
        assertThatThrownBy(() -> ModelCatalog.sqlModel("x", "marts", "x.sql", "{# grain: g\ntests:\n - unique_ish: a #} select 1"))
                .hasMessageContaining("unknown test 'unique_ish'");
        Model m = ModelCatalog.sqlModel("x", "marts", "x.sql", "{#\ngrain: one row per a\ntests:\n  - unique: a, b\n"
                + "  - accepted_values [warn]: s in ('x', y)\n  - relationships: a, b -> p(c, d)\n#}\n"
                + "{{ config(materialized='incremental', unique_key=['athlete_id', 'activity_id'], serve=true) }}\nselect 1");
        assertThat(m.serve()).isTrue();
        assertThat(m.batchSeconds()).isZero();
        assertThat(m.uniqueKey()).containsExactly("athlete_id", "activity_id");
        assertThat(sql("x", "{{ config(materialized='incremental', unique_key=['athlete_id', 'activity_id'], batch_seconds=1000000) }}"
                + " select 1").batchSeconds()).isEqualTo(1_000_000L);
        assertThatThrownBy(() -> sql("x", "{{ config(materialized='table', batch_seconds=250) }} select 1"))
                .hasMessageContaining("batch_seconds=250 is not valid").hasMessageContaining("incremental models only");
        assertThatThrownBy(() -> sql("x", "{{ config(materialized='incremental', unique_key=['athlete_id', 'activity_id'], "
                + "batch_seconds=0) }} select 1")).hasMessageContaining("(1 or more)");
        assertThatThrownBy(() -> sql("x", "{{ config(materialized='incremental', unique_key=['athlete_id', 'activity_id'], "
                + "batch_seconds=2.5) }} select 1")).hasMessageContaining("whole number");
        assertThat(m.tests()).extracting(t -> t.name()).containsExactly("x.unique(a,b)", "x.accepted_values(s in x,y)",
                "x.relationships(a,b -> p(c,d))");
    }

    @Test
    void theShippedCatalogLoads() {
        ModelGraph g = ModelCatalog.load("models", getClass().getClassLoader(), Optional.empty(),
                dev.paceline.transform.Harness.shippedJavaModels());
        assertThat(g.order()).contains("stg_strava__activities", "stg_strava__laps", "stg_strava__athletes",
                "activity_type_rules", "zone_presets", "athlete_settings", "int_activity_histograms")
                .as("opt-in, off by default").doesNotContain("stg_strava__streams");
        assertThat(g.order().indexOf("stg_strava__activities")).isLessThan(g.order().indexOf("int_activity_stream_stats"));
        assertThat(RawLoader.kindsReadBy(g)).doesNotContain("streams").contains("activity", "athlete", "zones");

        ModelGraph withSamples = ModelCatalog.load("models", getClass().getClassLoader(), Optional.empty(),
                dev.paceline.transform.Harness.shippedJavaModels(), Set.of("stg_strava__streams"));
        assertThat(withSamples.order().indexOf("stg_strava__activities")).isLessThan(withSamples.order().indexOf("stg_strava__streams"));
        assertThat(RawLoader.kindsReadBy(withSamples)).contains("streams");
    }

    @Test
    void anOptInModelIsNamedByItsConfigAndAnUnknownOneIsRefused() {
        assertThatThrownBy(() -> ModelCatalog.load("models", getClass().getClassLoader(), Optional.empty(),
                dev.paceline.transform.Harness.shippedJavaModels(), Set.of("mart_weekly")))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("'mart_weekly', which is not an opt-in model")
                .hasMessageContaining("[stg_strava__streams]");
        assertThatThrownBy(() -> sql("x", "{{ config(enabled='no') }} select 1")).hasMessageContaining("takes true or false");
    }
}
