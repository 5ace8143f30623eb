package dev.paperboy.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap figures from a {@code -Xlog:gc} file: the most used before any collection (what the process really
 * touched) and the most still live after one (what the workload needs).
 */
record HeapPeaks(long usedMb, long liveMb, int collections) {

    /** Matches "Pause Young (Normal) (G1 Evacuation Pause) 301M->41M(512M) 3.2ms". */
    private static final Pattern PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\(\\d+M\\)");

    static HeapPeaks fromGcLog(Path log) throws Exception {
        long used = 0;
        long live = 0;
        int n = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                used = Math.max(used, Long.parseLong(m.group(1)));
                live = Math.max(live, Long.parseLong(m.group(2)));
                n++;
            }
        }
        return new HeapPeaks(used, live, n);
    }
}
