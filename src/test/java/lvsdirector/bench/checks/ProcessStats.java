package lvsdirector.bench.checks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU ticks (own + reaped children) and RSS of a process, from /proc. */
record ProcessStats(long pid) {
    /** Linux reports /proc times in USER_HZ, which is 100 on every architecture we run on. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** CPU ticks so far, read from one /proc/PID/stat: all of them, and the kernel's part. */
    record Cpu(long totalTicks, long systemTicks) {}

    /**
     * All CPU ticks (own + reaped children) and the kernel's part of them (system calls such as connect, close
     * and epoll, and the TCP stack they run). After "pid (comm) ": state is f[0], utime f[11], stime f[12],
     * cutime f[13], cstime f[14].
     */
    Cpu cpu() throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long user = Long.parseLong(f[11]) + Long.parseLong(f[13]);
        long system = Long.parseLong(f[12]) + Long.parseLong(f[14]);
        return new Cpu(user + system, system);
    }

    double cpuTicksToSeconds(long ticks) {
        return ticks / TICKS_PER_SECOND;
    }

    long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
