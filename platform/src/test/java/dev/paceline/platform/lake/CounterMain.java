package dev.paceline.platform.lake;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Path;

/** Test helper run in a child JVM: increments the lake object "counter" n times with compare-and-set. */
public final class CounterMain {

    private CounterMain() {
    }

    public static void main(String[] args) {
        int retries = increment(new FileLake(Path.of(args[0])), Integer.parseInt(args[1]));
        System.out.println("child retries " + retries);
    }

    /** Increments n times; returns how many conditional writes lost a race and were retried. */
    static int increment(Lake lake, int n) {
        int retries = 0;
        for (int i = 0; i < n; i++) {
            while (true) {
                ObjectInfo info = lake.stat("counter").orElseThrow();
                long value = Long.parseLong(new String(lake.get("counter").orElseThrow(), UTF_8));
                try {
                    lake.put("counter", String.valueOf(value + 1).getBytes(UTF_8),
                            PutCondition.ifGenerationMatches(info.generation()));
                    break;
                } catch (PreconditionFailedException e) {
                    retries++;
                }
            }
        }
        return retries;
    }
}
