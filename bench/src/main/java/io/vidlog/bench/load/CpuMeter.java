package io.vidlog.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the machine's CPU goes during a measurement, from {@code /proc}: the application JVM, its local-stack
 * children (Elasticsearch, Redis, S3), PostgreSQL (server and backends), this load generator, and the machine as
 * a whole, which also shows work that is not ours (the machine may be shared).
 */
public final class CpuMeter {

    /** USER_HZ: the unit of the times in /proc; 100 on every Linux architecture Java runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private final Map<String, Long> roots = new LinkedHashMap<>();

    public CpuMeter(long appPid, long postgresPid) {
        roots.put("app JVM", appPid);
        roots.put("postgres", postgresPid);
        roots.put("load generator", ProcessHandle.current().pid());
    }

    /** CPU ticks used so far per group, plus the machine's busy and total ticks. */
    public Sample sample() throws IOException {
        Map<Long, Long> parents = new HashMap<>();
        Map<Long, Long> ticks = new HashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList()) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    // the command name (field 2) may contain spaces: the fields after it are counted from its ')'
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(process.getFileName().toString());
                    parents.put(pid, Long.parseLong(fields[1]));
                    ticks.put(pid, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                } catch (IOException | RuntimeException gone) {
                    // the process ended while being read
                }
            }
        }
        Map<String, Long> groups = new LinkedHashMap<>();
        long appPid = roots.get("app JVM");
        groups.put("app JVM", ticks.getOrDefault(appPid, 0L));
        groups.put("local-stack children", descendants(appPid, parents).stream()
                .mapToLong(pid -> ticks.getOrDefault(pid, 0L)).sum());
        long postgresPid = roots.get("postgres");
        List<Long> postgres = descendants(postgresPid, parents);
        postgres.add(postgresPid);
        groups.put("postgres", postgres.stream().mapToLong(pid -> ticks.getOrDefault(pid, 0L)).sum());
        groups.put("load generator", ticks.getOrDefault(roots.get("load generator"), 0L));
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < cpu.length && i <= 8; i++) {
            total += Long.parseLong(cpu[i]);
        }
        long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
        return new Sample(System.nanoTime(), groups, total - idle, total);
    }

    private static List<Long> descendants(long root, Map<Long, Long> parents) {
        List<Long> found = new ArrayList<>();
        List<Long> frontier = new ArrayList<>(List.of(root));
        while (!frontier.isEmpty()) {
            long parent = frontier.remove(frontier.size() - 1);
            parents.forEach((pid, ppid) -> {
                if (ppid == parent) {
                    found.add(pid);
                    frontier.add(pid);
                }
            });
        }
        return found;
    }

    public record Sample(long nanos, Map<String, Long> groupTicks, long machineBusyTicks, long machineTotalTicks) {

        /** Cores used per group between {@code earlier} and this sample, and the machine's busy cores. */
        public Map<String, Double> coresSince(Sample earlier) {
            double seconds = (nanos - earlier.nanos) / 1e9;
            Map<String, Double> cores = new LinkedHashMap<>();
            groupTicks.forEach((group, used) -> cores.put(group,
                    (used - earlier.groupTicks.getOrDefault(group, 0L)) / TICKS_PER_SECOND / seconds));
            long total = machineTotalTicks - earlier.machineTotalTicks;
            double machineCores = Runtime.getRuntime().availableProcessors();
            double busy = total == 0 ? 0 : machineCores * (machineBusyTicks - earlier.machineBusyTicks) / total;
            double ours = cores.values().stream().mapToDouble(Double::doubleValue).sum();
            cores.put("other processes", Math.max(0, busy - ours));
            cores.put("machine busy", busy);
            return cores;
        }
    }
}
