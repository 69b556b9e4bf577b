package dev.paceline.transform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paceline.transform.Model;
import dev.paceline.transform.macro.SqlDialect;
import dev.paceline.transform.template.Template;
import dev.paceline.transform.template.TemplateException;
import dev.paceline.platform.warehouse.Dialect;
import org.junit.jupiter.api.Test;

class TemplateTest {

    private static String render(Dialect dialect, String body, boolean incremental) {
        Model m = ModelCatalog.sqlModel("m", "marts", "m.sql", "{# grain: x #}\n" + body);
        return new ModelRenderer(SqlDialect.of(dialect), n -> "ds." + n, "_chg_table").render(m, incremental);
    }

    @Test
    void rendersRefsSourcesIfsAndMacrosPerDialect() {
        String body = "{{ config(materialized='table') }}select {{ safe_divide('a', 'b') }} as r, {{ week_start('d') }} as w"
                + " from {{ ref('x') }} join {{ source('strava', 'streams') }} on true"
                + "{% if is_incremental() %} where {{ in_changed('t.athlete_id', 't.activity_id') }}{% else %} where 1 = 1{% endif %}";
        assertThat(render(Dialect.DUCKDB, body, false)).isEqualTo(
                "select (CAST(a AS DOUBLE) / NULLIF(CAST(b AS DOUBLE), 0)) as r, CAST(date_trunc('week', d) AS DATE) as w"
                        + " from ds.x join ds.raw_strava__streams on true where 1 = 1");
        assertThat(render(Dialect.BIGQUERY, body, true)).isEqualTo(
                "select SAFE_DIVIDE(a, b) as r, DATE_TRUNC(d, WEEK(MONDAY)) as w from ds.x join ds.raw_strava__streams on true"
                        + " where (EXISTS (SELECT 1 FROM ds._chg_table AS _chg WHERE _chg.athlete_id = t.athlete_id"
                        + " AND _chg.activity_id = t.activity_id) OR EXISTS (SELECT 1 FROM ds._chg_table AS _chg"
                        + " WHERE _chg.athlete_id = t.athlete_id AND _chg.activity_id IS NULL))");
    }

    @Test
    void nestedMacrosElifNotAndWhitespaceControl() {
        String body = "{%- if dialect == 'bigquery' -%}\nBQ\n{%- elif not is_incremental() -%}\nFULL {{ json_number('p', '$.a.b') }}\n"
                + "{%- else -%}\nINC\n{%- endif %}";
        assertThat(render(Dialect.BIGQUERY, body, false)).isEqualTo("BQ");
        assertThat(render(Dialect.DUCKDB, body, false)).isEqualTo("FULL TRY_CAST(json_extract_string(p, '$.a.b') AS DOUBLE)");
        assertThat(render(Dialect.DUCKDB, body, true)).isEqualTo("INC");
    }

    @Test
    void errorsNameTheModelTheConstructAndTheFix() {
        assertThatThrownBy(() -> render(Dialect.DUCKDB, "select {{ no_such_macro('a') }}", false))
                .isInstanceOf(TemplateException.class).hasMessageContaining("m.sql").hasMessageContaining("unknown macro 'no_such_macro'");
        assertThatThrownBy(() -> render(Dialect.DUCKDB, "select {{ date_add('d', '1', 'fortnight') }}", false))
                .hasMessageContaining("unit 'fortnight' is not one of [day, month, year]");
        assertThatThrownBy(() -> render(Dialect.DUCKDB, "select {{ json_value('p', 'name') }}", false))
                .hasMessageContaining("must be a JSONPath starting with '$'");
        assertThatThrownBy(() -> Template.parse("t", "{% if x %} never closed"))
                .hasMessageContaining("never closed with '{% endif %}'");
        assertThatThrownBy(() -> Template.parse("t", "{% while x %}{% endwhile %}"))
                .hasMessageContaining("unsupported tag '{% while x %}'").hasMessageContaining("{% for %}");
        assertThatThrownBy(() -> Template.parse("t", "select {{ ref('a' }}"))
                .hasMessageContaining("t line 1").hasMessageContaining("expected ')'");
    }

    @Test
    void forLoopsUnpackPairsSeeLoopVariablesAndSetLastsForItsBlock() {
        String body = "{% set w = 'over w' %}select\n"
                + "{%- for zone in [1, 2, 3] %}\n    sum(z{{ zone }}_s) {{ w }} as z{{ zone }}_s{% if not loop.last %},{% endif %}"
                + "{%- endfor %}\nfrom t\n"
                + "{%- for days, label in [[7, 'week'], [28, 'month']] %}{% set col = 'load_' ~ label %} -- {{ loop.index }}: {{ col }} "
                + "{{ safe_divide(col, days) }}{% endfor %}\n{{ w }}";
        assertThat(render(Dialect.BIGQUERY, body, false)).isEqualTo("select\n    sum(z1_s) over w as z1_s,\n"
                + "    sum(z2_s) over w as z2_s,\n    sum(z3_s) over w as z3_s\nfrom t -- 1: load_week SAFE_DIVIDE(load_week, 7)"
                + " -- 2: load_month SAFE_DIVIDE(load_month, 28)\nover w");
        // a set inside a loop body does not leak out of the iteration (render() puts the header on line 1)
        assertThatThrownBy(() -> render(Dialect.DUCKDB, "{% for x in [1] %}{% set y = x %}{% endfor %}{{ y }}", false))
                .hasMessageContaining("m line 2").hasMessageContaining("unknown name 'y'");
    }

    @Test
    void loopAndSetErrorsNameTheModelTheLineAndTheForm() {
        assertThatThrownBy(() -> Template.parse("mart_x", "select 1\n{% for x in [1, 2] %}\n{{ x }}"))
                .hasMessageContaining("mart_x line 2").hasMessageContaining("never closed with '{% endfor %}'");
        assertThatThrownBy(() -> Template.parse("mart_x", "\n\n{% for in [1] %}{% endfor %}"))
                .hasMessageContaining("mart_x line 3").hasMessageContaining("'{% for name in list %}'");
        assertThatThrownBy(() -> Template.parse("mart_x", "{% set = 1 %}"))
                .hasMessageContaining("mart_x line 1").hasMessageContaining("'{% set name = expression %}'");
        assertThatThrownBy(() -> Template.parse("mart_x", "{% endfor %}"))
                .hasMessageContaining("mart_x line 1");
        assertThatThrownBy(() -> render(Dialect.DUCKDB, "select\n{% for a, b in [[1, 2], [3]] %}{{ a }}{% endfor %}", false))
                .hasMessageContaining("m line 3").hasMessageContaining("unpacks 2 names but item 2 is [3]");
        assertThatThrownBy(() -> render(Dialect.DUCKDB, "select\n\n{% for a in 'abc' %}{{ a }}{% endfor %}", false))
                .hasMessageContaining("m line 4").hasMessageContaining("loops over a list");
        assertThatThrownBy(() -> render(Dialect.DUCKDB, "select\n{{ nope ~ 'x' }}", false))
                .hasMessageContaining("m line 3").hasMessageContaining("nope");
    }

    @Test
    void jsonArraysParsesOnceOnDuckDbAndPerArrayOnBigQuery() {
        String body = "{{ json_arrays('live', ['a', 'b'], 'payload', ['$.time.data', '$.latlng.data[*][0]', '$.latlng.data[*][1]'],"
                + " ['INT64', 'FLOAT64', 'FLOAT64'], ['t', 'lat', 'lng']) }}";
        assertThat(render(Dialect.DUCKDB, body, false)).isEqualTo(
                "SELECT a, b, _json.\"time\".\"data\" AS t, list_transform(_json.\"latlng\".\"data\", _x -> _x[1]) AS lat,"
                        + " list_transform(_json.\"latlng\".\"data\", _x -> _x[2]) AS lng"
                        + " FROM (SELECT a, b, from_json(payload, '{\"time\":{\"data\":[\"BIGINT\"]},\"latlng\":{\"data\":[[\"DOUBLE\"]]}}')"
                        + " AS _json FROM live) AS _json_arrays");
        String bq = render(Dialect.BIGQUERY, body, false);
        assertThat(bq).startsWith("SELECT a, b, ARRAY(").contains("JSON_VALUE_ARRAY(payload, '$.time.data')")
                .contains("AS t").contains("AS lat").contains("AS lng").endsWith("FROM live");
        assertThatThrownBy(() -> render(Dialect.DUCKDB, "{{ json_arrays('r', [], 'j', ['$.a[0]'], ['INT64'], ['x']) }}", false))
                .hasMessageContaining("path '$.a[0]' must be '$.key.key'");
        assertThatThrownBy(() -> render(Dialect.DUCKDB, "{{ json_arrays('r', [], 'j', ['$.a', '$.b'], ['INT64'], ['x', 'y']) }}", false))
                .hasMessageContaining("the same, non-zero number of entries");
        assertThatThrownBy(() -> render(Dialect.DUCKDB, "{{ json_arrays('r', [], 'j', ['$.a', '$.a'], ['INT64', 'FLOAT64'], ['x', 'y']) }}",
                false)).hasMessageContaining("read with two types");
    }
}
