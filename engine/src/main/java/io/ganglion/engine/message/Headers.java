package io.ganglion.engine.message;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * HTTP headers: ordered, case-insensitive by name, original spelling kept.
 *
 * <p>A flat array list rather than a map: messages carry a dozen headers, and a linear scan over
 * them beats hashing on the hot path. Not thread-safe: confined to one message.
 */
public final class Headers implements Iterable<Headers.Header> {

    /** One header line. */
    public record Header(String name, String value) {}

    private final ArrayList<Header> list;

    public Headers() {
        this.list = new ArrayList<>(16);
    }

    private Headers(ArrayList<Header> list) {
        this.list = list;
    }

    /** A copy that can be changed independently. */
    public Headers copy() {
        return new Headers(new ArrayList<>(list));
    }

    /** The first value of {@code name}, or null. */
    public String get(String name) {
        for (int i = 0, n = list.size(); i < n; i++) {
            Header h = list.get(i);
            if (h.name.equalsIgnoreCase(name)) {
                return h.value;
            }
        }
        return null;
    }

    /** All values of {@code name}, in order. */
    public List<String> getAll(String name) {
        List<String> values = new ArrayList<>(2);
        for (Header h : list) {
            if (h.name.equalsIgnoreCase(name)) {
                values.add(h.value);
            }
        }
        return values;
    }

    public boolean contains(String name) {
        return get(name) != null;
    }

    /** Appends a value, keeping existing ones. */
    public Headers add(String name, String value) {
        list.add(new Header(name, value));
        return this;
    }

    /** Replaces every value of {@code name} with one value. */
    public Headers set(String name, String value) {
        int first = -1;
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i).name.equalsIgnoreCase(name)) {
                if (first >= 0) {
                    list.remove(first);
                }
                first = i;
            }
        }
        if (first >= 0) {
            list.set(first, new Header(name, value));
        } else {
            list.add(new Header(name, value));
        }
        return this;
    }

    /** Removes every value of {@code name}; returns true if any was present. */
    public boolean remove(String name) {
        return list.removeIf(h -> h.name.equalsIgnoreCase(name));
    }

    public int size() {
        return list.size();
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public void forEach(BiConsumer<String, String> action) {
        for (Header h : list) {
            action.accept(h.name, h.value);
        }
    }

    @Override
    public Iterator<Header> iterator() {
        return list.iterator();
    }

    /** A snapshot as a map of first values (the TRANSPORT_HEADERS property's shape). */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (Header h : list) {
            map.putIfAbsent(h.name, h.value);
        }
        return map;
    }

    @Override
    public String toString() {
        return list.toString();
    }
}
