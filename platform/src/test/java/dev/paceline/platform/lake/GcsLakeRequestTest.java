package dev.paceline.platform.lake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.NoCredentials;
import com.google.cloud.storage.StorageOptions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What LocalStorageHelper cannot show: the GCS JSON API requests {@link GcsLake} sends (generation preconditions,
 * paging) and how GCS's answers (412, generations, MD5, page tokens) are mapped. WireMock stands in for GCS.
 */
class GcsLakeRequestTest {

    WireMockServer wm;
    GcsLake lake;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort());
        wm.start();
        lake = new GcsLake(StorageOptions.http().setHost(wm.baseUrl()).setProjectId("proj-1")
                .setCredentials(NoCredentials.getInstance())
                .setRetrySettings(RetrySettings.newBuilder().setMaxAttempts(1).build())
                .build().getService(), "lake-bucket", "env");
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    private static String object(String name, long generation, String md5, int size) {
        return "{\"kind\":\"storage#object\",\"bucket\":\"lake-bucket\",\"name\":\"" + name + "\",\"generation\":\""
                + generation + "\",\"metageneration\":\"1\",\"size\":\"" + size + "\",\"md5Hash\":\"" + md5
                + "\",\"updated\":\"2026-11-27T10:15:30.000Z\",\"timeCreated\":\"2026-11-27T10:15:30.000Z\"}";
    }

    @Test
    void generationPreconditionsAreSentAndA412IsAPreconditionFailure() {
        wm.stubFor(any(urlPathMatching("/upload/storage/v1/b/lake-bucket/o.*")).willReturn(aResponse().withStatus(412)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":412,\"message\":\"At least one of the pre-conditions you specified did not hold.\","
                        + "\"errors\":[{\"reason\":\"conditionNotMet\"}]}}")));

        assertThatThrownBy(() -> lake.put("state/cursor.json", "x".getBytes(StandardCharsets.UTF_8),
                PutCondition.ifGenerationMatches(1700000000000001L)))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("gs://lake-bucket/env/state/cursor.json")
                .hasMessageContaining("generation must be 1700000000000001");
        LoggedRequest first = wm.findAll(anyRequestedFor(urlPathMatching("/upload/.*"))).get(0);
        assertThat(first.queryParameter("ifGenerationMatch").firstValue()).isEqualTo("1700000000000001");
        assertThat(first.getBodyAsString() + first.getUrl()).contains("env/state/cursor.json");

        wm.resetRequests();
        assertThatThrownBy(() -> lake.put("state/lock.json", "x".getBytes(StandardCharsets.UTF_8), PutCondition.ifAbsent()))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("object must be absent");
        assertThat(wm.findAll(anyRequestedFor(urlPathMatching("/upload/.*"))).get(0)
                .queryParameter("ifGenerationMatch").firstValue()).isEqualTo("0");
    }

    @Test
    void anUnconditionalPutReportsGcssGenerationAndMd5() {
        wm.stubFor(post(urlPathEqualTo("/upload/storage/v1/b/lake-bucket/o")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(object("env/raw/x.json", 1700000000000123L, "ndTkYSaMgDT1yFZOFVxnpg==", 1))));
        ObjectInfo info = lake.put("raw/x.json", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(info).isEqualTo(new ObjectInfo("raw/x.json", 1, 1700000000000123L,
                Instant.parse("2026-11-27T10:15:30Z"), "ndTkYSaMgDT1yFZOFVxnpg=="));
        LoggedRequest request = wm.findAll(anyRequestedFor(urlPathMatching("/upload/.*"))).get(0);
        assertThat(request.queryParameter("ifGenerationMatch").isPresent()).isFalse();
        assertThat(request.getBodyAsString()).contains("\"name\":\"env/raw/x.json\"").contains("application/json");
    }

    @Test
    void listingsPageWithGcsTokensAndStripThePrefix() {
        wm.stubFor(get(urlPathEqualTo("/storage/v1/b/lake-bucket/o")).withQueryParam("pageToken",
                com.github.tomakehurst.wiremock.client.WireMock.absent()).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"kind\":\"storage#objects\",\"nextPageToken\":\"tok-2\",\"items\":["
                        + object("env/raw/a.json", 1, "AAAA", 1) + "," + object("env/raw/b.json", 2, "BBBB", 2) + "]}")));
        wm.stubFor(get(urlPathEqualTo("/storage/v1/b/lake-bucket/o")).withQueryParam("pageToken",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("tok-2")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"kind\":\"storage#objects\",\"items\":[" + object("env/raw/c.json", 3, "CCCC", 3) + "]}")));

        ListPage first = lake.list("raw/", null, 2);
        assertThat(first.objects()).extracting(ObjectInfo::path).containsExactly("raw/a.json", "raw/b.json");
        assertThat(first.objects().get(1).generation()).isEqualTo(2);
        assertThat(first.nextPageToken()).isEqualTo("tok-2");
        ListPage second = lake.list("raw/", first.nextPageToken(), 2);
        assertThat(second.objects()).extracting(ObjectInfo::path).containsExactly("raw/c.json");
        assertThat(second.nextPageToken()).isNull();

        List<LoggedRequest> requests = wm.findAll(anyRequestedFor(urlPathEqualTo("/storage/v1/b/lake-bucket/o")));
        assertThat(requests.get(0).queryParameter("prefix").firstValue()).isEqualTo("env/raw/");
        assertThat(requests.get(0).queryParameter("maxResults").firstValue()).isEqualTo("2");
    }
}
