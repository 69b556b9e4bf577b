package dev.paceline.platform.lake;

import java.util.List;

/** One page of a listing; {@code nextPageToken} is null on the last page. */
public record ListPage(List<ObjectInfo> objects, String nextPageToken) {
}
