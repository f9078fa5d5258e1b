package io.ganglion.engine.message;

import java.util.Locale;

/**
 * A fixed set of header names matched without regard to case and without allocating: the hot path
 * checks every header of every message against such sets (hop-by-hop, framing, request-only), and
 * lower-casing each name first showed up in profiles. Thread-safe: immutable.
 */
public final class HeaderNameSet {

    private final String[] table;
    private final int mask;

    private HeaderNameSet(String[] table) {
        this.table = table;
        this.mask = table.length - 1;
    }

    /** A set of the given names (any case). */
    public static HeaderNameSet of(String... names) {
        int size = Integer.highestOneBit(Math.max(4, names.length * 4) - 1) << 1;
        String[] table = new String[size];
        for (String name : names) {
            String n = name.toLowerCase(Locale.ROOT);
            int i = hash(n) & (size - 1);
            while (table[i] != null && !table[i].equals(n)) {
                i = (i + 1) & (size - 1);
            }
            table[i] = n;
        }
        return new HeaderNameSet(table);
    }

    /** True when {@code name} is in the set, whatever its case. */
    public boolean contains(String name) {
        for (int i = hash(name) & mask;; i = (i + 1) & mask) {
            String t = table[i];
            if (t == null) {
                return false;
            }
            if (t.length() == name.length() && t.regionMatches(true, 0, name, 0, t.length())) {
                return true;
            }
        }
    }

    /** A hash that folds ASCII upper case, so "Content-Length" and "content-length" collide on purpose. */
    private static int hash(String s) {
        int h = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            h = 31 * h + c;
        }
        return h ^ (h >>> 16);
    }
}
