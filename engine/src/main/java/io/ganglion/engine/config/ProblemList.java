package io.ganglion.engine.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Problems found during one load, reported in file order (the order files were read), then by
 * line and column. Problems in files an artifact points to (a local entry's src) sort with the
 * artifact's file. Not thread-safe: one per load.
 */
final class ProblemList {

    private record Entry(int file, int line, int column, int sequence, ConfigProblem problem) {}

    private final Map<String, Integer> fileOrder = new HashMap<>();
    private final List<Entry> entries = new ArrayList<>();
    private int currentFile = -1;

    /** Marks the start of a file; problems without a known file go with it. */
    void startFile(String file) {
        currentFile = fileOrder.computeIfAbsent(file, f -> fileOrder.size());
    }

    void add(ConfigProblem p) {
        Location l = p.location();
        Integer file = l == null ? null : fileOrder.get(l.file());
        if (l == null) {
            entries.add(new Entry(-1, 0, 0, entries.size(), p));
        } else if (file == null) {
            entries.add(new Entry(currentFile, 0, 0, entries.size(), p));
        } else {
            entries.add(new Entry(file, l.line(), l.column(), entries.size(), p));
        }
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    List<ConfigProblem> sorted() {
        List<Entry> copy = new ArrayList<>(entries);
        copy.sort(Comparator.comparingInt(Entry::file).thenComparingInt(Entry::line).thenComparingInt(Entry::column)
                .thenComparingInt(Entry::sequence));
        List<ConfigProblem> out = new ArrayList<>(copy.size());
        for (Entry e : copy) {
            out.add(e.problem());
        }
        return List.copyOf(out);
    }
}
