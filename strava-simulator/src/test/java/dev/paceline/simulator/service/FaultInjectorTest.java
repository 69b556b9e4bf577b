package dev.paceline.simulator.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultInjectorTest {

    @Test
    void globsMatchOneSegmentWithStarAndManyWithDoubleStar() {
        assertThat(FaultInjector.glob("/api/v3/activities/*").matcher("/api/v3/activities/12").matches()).isTrue();
        assertThat(FaultInjector.glob("/api/v3/activities/*").matcher("/api/v3/activities/12/streams").matches())
                .isFalse();
        assertThat(FaultInjector.glob("/api/v3/**").matcher("/api/v3/activities/12/streams").matches()).isTrue();
        assertThat(FaultInjector.glob("/api/v3/activities/*/streams").matcher("/api/v3/activities/1/streams")
                .matches()).isTrue();
    }

    @Test
    void firstMatchingFaultIsConsumedCountTimes() {
        FaultInjector f = new FaultInjector();
        f.arm("/api/v3/athlete", null, FaultInjector.Kind.ERROR_503, 2);
        assertThat(f.take("GET", "/api/v3/athlete")).contains(FaultInjector.Kind.ERROR_503);
        assertThat(f.take("GET", "/api/v3/athlete/zones")).isEmpty();
        assertThat(f.take("GET", "/api/v3/athlete")).contains(FaultInjector.Kind.ERROR_503);
        assertThat(f.take("GET", "/api/v3/athlete")).isEmpty();
        assertThat(f.list()).isEmpty();
    }

    @Test
    void kindsParseFromStatusCodesAndNames() {
        assertThat(FaultInjector.Kind.parse("502")).contains(FaultInjector.Kind.ERROR_502);
        assertThat(FaultInjector.Kind.parse("malformed-json")).contains(FaultInjector.Kind.MALFORMED_JSON);
        assertThat(FaultInjector.Kind.parse("boom")).isEmpty();
        assertThatThrownBy(() -> new FaultInjector().arm("/x", null, FaultInjector.Kind.HANG, 0))
                .hasMessageContaining("count must be at least 1");
    }
}
