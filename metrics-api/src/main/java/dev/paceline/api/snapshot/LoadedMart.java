package dev.paceline.api.snapshot;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** A mart partition held by the {@link MartCache}: the table and indexes derived from it on first use, evicted together. */
public final class LoadedMart {

    private final String key;
    private final MartTable table;
    private final MartCache owner;
    private final ConcurrentHashMap<Class<?>, Object> derived = new ConcurrentHashMap<>();
    volatile long lastAccess;
    volatile long bytes;

    LoadedMart(String key, MartTable table, MartCache owner) {
        this.key = key;
        this.table = table;
        this.owner = owner;
        this.bytes = table.estimatedBytes();
    }

    public String key() {
        return key;
    }

    public MartTable table() {
        return table;
    }

    /** An index built once from the table (e.g. activities by id), cached with it; its size counts in the budget. */
    @SuppressWarnings("unchecked")
    public <T extends Derived> T derived(Class<T> type, Function<MartTable, T> build) {
        Object v = derived.get(type);
        if (v == null) {
            T made = build.apply(table);
            Object prev = derived.putIfAbsent(type, made);
            if (prev == null) {
                owner.grow(this, made.estimatedBytes());
                return made;
            }
            v = prev;
        }
        return (T) v;
    }

    /** Something derived from a table that reports its size. */
    public interface Derived {
        long estimatedBytes();
    }
}
