package dev.paperboy.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time read from Linux's /proc, in clock ticks of 10 ms: the whole machine's busy time and one process's.
 * Throughput on a shared two-core machine scatters by 15% between runs; CPU time per email scatters much less
 * and says what each part of the work costs.
 */
record CpuClock(long machineBusy, long process) {

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
        // /proc/<pid>/stat: fields after the command's closing parenthesis; utime and stime are the 12th and 13th.
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new CpuClock(busy, Long.parseLong(f[11]) + Long.parseLong(f[12]));
    }

    /** @return microseconds of CPU per item between {@code start} and this reading: machine, then process */
    double[] perItemMicros(CpuClock start, int items) {
        double scale = TICK_SECONDS * 1e6 / items;
        return new double[] {(machineBusy - start.machineBusy) * scale, (process - start.process) * scale};
    }
}
