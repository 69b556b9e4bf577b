package dev.paceline.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StreamSetTest {

    @Test
    void parsesTheKeyedFormWithNullsLatlngAndMoving() {
        String json = """
                {"time":{"data":[0,1,2,4],"series_type":"time","original_size":4,"resolution":"high"},
                 "watts":{"data":[100,null,120,130]},
                 "heartrate":{"data":[90,91,0,93]},
                 "moving":{"data":[true,false,null,true]},
                 "latlng":{"data":[[47.1,-52.8],null,[47.2,-52.9],[47.3,-53.0]]},
                 "unknown_stream":{"data":[{"x":1},[1,2],3]},
                 "distance":{"data":[0.0,1.5,"3.0",4.5]}}
                """;
        StreamSet s = StreamSet.parse(json);
        assertThat(s.size()).isEqualTo(4);
        assertThat(s.time()).containsExactly(0, 1, 2, 4);
        assertThat(s.values(StreamType.WATTS)).containsExactly(100, Double.NaN, 120, 130);
        assertThat(s.values(StreamType.HEARTRATE)).containsExactly(90, 91, 0, 93);
        assertThat(s.values(StreamType.MOVING)).containsExactly(1, 0, Double.NaN, 1);
        assertThat(s.latitude()).containsExactly(47.1, Double.NaN, 47.2, 47.3);
        assertThat(s.longitude()).containsExactly(-52.8, Double.NaN, -52.9, -53.0);
        assertThat(s.values(StreamType.DISTANCE)).containsExactly(0.0, 1.5, 3.0, 4.5);
        assertThat(s.has(StreamType.VELOCITY_SMOOTH)).isFalse();
        assertThat(s.values(StreamType.VELOCITY_SMOOTH)).isNull();
        assertThat(s.reordered()).isFalse();
    }

    @Test
    void parsesTheArrayFormWhateverTheFieldOrder() {
        String json = """
                [{"data":[0,1,2],"type":"time","series_type":"distance"},
                 {"type":"watts","data":[200,210,220]},
                 {"type":"velocity_smooth","resolution":"high","data":[5.0,5.1,5.2]},
                 "garbage", 42]
                """;
        StreamSet s = StreamSet.parse(json);
        assertThat(s.time()).containsExactly(0, 1, 2);
        assertThat(s.values(StreamType.WATTS)).containsExactly(200, 210, 220);
        assertThat(s.values(StreamType.VELOCITY_SMOOTH)).containsExactly(5.0, 5.1, 5.2);
    }

    @Test
    void readsTheStreamsInsideARawLakeEnvelope() {
        String json = """
                {"envelope_version":1,"kind":"streams","athlete_id":1,"object_id":7,"payload":
                  {"time":{"data":[0,1]},"watts":{"data":[1,2]}},"payload_sha256":"ab"}
                """;
        assertThat(StreamSet.parse(json).values(StreamType.WATTS)).containsExactly(1, 2);
        assertThat(StreamSet.parse("{\"envelope_version\":1,\"payload\":null}").size()).isZero();
    }

    @Test
    void sortsUnsortedTimesAndMergesRepeatedSecondsLastNonNullWins() {
        StreamSet s = StreamSet.parse("""
                {"time":{"data":[0,2,1,2,3.7,-1,null]},
                 "watts":{"data":[10,20,30,null,40,50,60]},
                 "heartrate":{"data":[100,101,102,103,104,105,106]}}
                """);
        // second 2 appears twice: watts keeps 20 (the later one is null), heart rate takes the later 103;
        // 3.7 is floored to 3; the negative and the null time are dropped
        assertThat(s.time()).containsExactly(0, 1, 2, 3);
        assertThat(s.values(StreamType.WATTS)).containsExactly(10, 30, 20, 40);
        assertThat(s.values(StreamType.HEARTRATE)).containsExactly(100, 102, 103, 104);
        assertThat(s.reordered()).isTrue();
    }

    @Test
    void padsShortStreamsAndIgnoresExtraValues() {
        StreamSet s = StreamSet.parse("{\"time\":{\"data\":[0,1,2]},\"watts\":{\"data\":[5]},"
                + "\"heartrate\":{\"data\":[1,2,3,4,5]}}");
        assertThat(s.values(StreamType.WATTS)).containsExactly(5, Double.NaN, Double.NaN);
        assertThat(s.values(StreamType.HEARTRATE)).containsExactly(1, 2, 3);
    }

    @Test
    void emptyOrTimelessPayloadsGiveAnEmptySet() {
        assertThat(StreamSet.parse("{}").size()).isZero();
        assertThat(StreamSet.parse("[]").size()).isZero();
        assertThat(StreamSet.parse("null").size()).isZero();
        assertThat(StreamSet.parse("{\"time\":{\"data\":[]},\"watts\":{\"data\":[]}}").size()).isZero();
        // Strava's distance-only answer (no time stream): no time base
        StreamSet d = StreamSet.parse("{\"distance\":{\"data\":[0.0,1.4],\"series_type\":\"distance\"}}");
        assertThat(d.size()).isZero();
        assertThat(ActivityStats.compute(d, Options.defaults()).coverage().recordedS()).isZero();
    }

    @Test
    void readsFromAnInputStreamWithoutClosingIt() {
        var in = new ByteArrayInputStream("{\"time\":{\"data\":[0,1]}}".getBytes(StandardCharsets.UTF_8));
        assertThat(StreamSet.parse(in).size()).isEqualTo(2);
    }

    @Test
    void malformedJsonNamesThePlaceAndTheFix() {
        assertThatThrownBy(() -> StreamSet.parse("{\"time\":{\"data\":[0,1,"))
                .isInstanceOf(StreamFormatException.class)
                .hasMessageContaining("Malformed streams JSON at line 1")
                .hasMessageContaining("re-fetch");
        assertThatThrownBy(() -> StreamSet.parse("{\"time\":{\"data\":[0,1]},\"watts\":{\"data\":[1,2}}"))
                .isInstanceOf(StreamFormatException.class)
                .hasMessageContaining("column");
        assertThatThrownBy(() -> StreamSet.parse("\"streams\""))
                .isInstanceOf(StreamFormatException.class)
                .hasMessageContaining("key_by_type=true");
    }

    @Test
    void builderRejectsMismatchedLatlngLanes() {
        assertThatThrownBy(() -> StreamSet.builder().latlng(new double[2], new double[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
