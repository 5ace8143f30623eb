package dev.paperboy.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time read from Linux's /proc, in clock ticks of 10 ms: the whole machine's busy time, one process's, and
 * that of the local PostgreSQL server's processes. Throughput on a shared two-core machine scatters by 15%
 * between runs; CPU time per email scatters much less and says what each part of the work costs.
 */
record CpuClock(long machineBusy, long process, long postgres) {

    static final double TICK_SECONDS = 0.01;

    static CpuClock read(long pid) throws IOException {
        // First line of /proc/stat: cpu user nice system idle iowait irq softirq steal ...
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < cpu.length && i <= 8; i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(cpu[i]);
            }
        }
        long postgres = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    if (Files.readString(p.resolve("comm")).strip().equals("postgres")) {
                        postgres += processTicks(p);
                    }
                } catch (IOException exited) {
                    // Gone between the listing and the read: its time is lost either way.
                }
            }
        }
        return new CpuClock(busy, processTicks(Path.of("/proc/" + pid)), postgres);
    }

    /** utime + stime: the 12th and 13th fields after the command's closing parenthesis in /proc/<pid>/stat. */
    private static long processTicks(Path proc) throws IOException {
        String stat = Files.readString(proc.resolve("stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /**
     * @return microseconds of CPU per item between {@code start} and this reading: machine, process, PostgreSQL
     *     (backends that closed meanwhile are not counted)
     */
    double[] perItemMicros(CpuClock start, int items) {
        double scale = TICK_SECONDS * 1e6 / items;
        return new double[] {(machineBusy - start.machineBusy) * scale, (process - start.process) * scale,
                (postgres - start.postgres) * scale};
    }
}
