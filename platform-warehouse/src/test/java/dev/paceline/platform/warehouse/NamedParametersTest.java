package dev.paceline.platform.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamedParametersTest {

    private static NamedParameters.Rewritten rw(String sql) {
        return NamedParameters.rewrite(sql);
    }

    @Test
    void replacesNamesInOrderIncludingRepeats() {
        NamedParameters.Rewritten r = rw("SELECT * FROM t WHERE a = @a AND b IN (@b, @a) AND c=@c_1");
        assertThat(r.sql()).isEqualTo("SELECT * FROM t WHERE a = ? AND b IN (?, ?) AND c=?");
        assertThat(r.names()).containsExactly("a", "b", "a", "c_1");
    }

    @Test
    void leavesStringsIdentifiersAndCommentsAlone() {
        String sql = """
                SELECT '@a', 'it''s @b', "col@c", `bq@d`, $$ @e $$, $tag$ @f $tag$, 'x\\'@g' -- @h
                /* @i
                   @j */ FROM t WHERE x = @real""";
        NamedParameters.Rewritten r = rw(sql);
        assertThat(r.names()).containsExactly("real");
        assertThat(r.sql()).isEqualTo(sql.replace("@real", "?"));
    }

    @Test
    void leavesSystemVariablesEmailsAndPositionalParametersAlone() {
        NamedParameters.Rewritten r = rw("RAISE USING MESSAGE = @@error.message; SELECT a@b, $1, @x");
        assertThat(r.names()).containsExactly("x");
        assertThat(r.sql()).isEqualTo("RAISE USING MESSAGE = @@error.message; SELECT a@b, $1, ?");
    }

    @Test
    void backslashesEscapeOnlyInBigQueryStrings() {
        assertThat(rw("SELECT 'a\\' = @x', @y").names()).containsExactly("y"); // BigQuery: the string is a' = @x
        assertThat(NamedParameters.rewrite("SELECT 'C:\\' = @x", false).names()).containsExactly("x"); // DuckDB
    }

    @Test
    void unterminatedQuotesAndCommentsDoNotLoseText() {
        assertThat(rw("SELECT 'open @a").sql()).isEqualTo("SELECT 'open @a");
        assertThat(rw("SELECT 1 /* open @a").names()).isEqualTo(List.of());
        assertThat(rw("@a").sql()).isEqualTo("?");
    }
}
