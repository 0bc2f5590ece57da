package io.vidlog.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * How fast this machine is right now, on one thread: a fixed piece of work (random reads and writes over 16 MiB, so
 * both the core and its caches count) timed three times. The reference machine is a shared virtual one whose host
 * is sometimes busy with other work; the load average does not show that (the time is not even reported as stolen),
 * but this figure does. Benchmarks print it before and after, so a figure can be read against the speed it ran at.
 * Each reading runs in a JVM of its own: in a JVM that has run for a while the same work took less than half as long
 * (another compilation of the loop), which made a start and an end reading incomparable.
 */
public final class MachineSpeed {

    private static final int WORDS = 4 * 1024 * 1024;
    private static final int STEPS = 40_000_000;

    /** Where the work's result goes, so that the JIT cannot drop the work as unused. */
    private static volatile long sink;

    private MachineSpeed() {
    }

    /** The median time of three rounds of the fixed work, in milliseconds. */
    public static double millis() {
        int[] memory = new int[WORDS];
        double[] rounds = new double[3];
        long checksum = 0;
        for (int round = 0; round < rounds.length; round++) {
            long started = System.nanoTime();
            checksum += work(memory);
            rounds[round] = (System.nanoTime() - started) / 1e6;
        }
        sink = checksum;
        Arrays.sort(rounds);
        return rounds[1];
    }

    /**
     * A line for a benchmark's output, measured in a fresh JVM; docs/benchmarks.md says what the figure was at quiet
     * and at busy times.
     */
    public static String describe(String when) {
        return "machine speed " + when + ": " + inFreshJvm();
    }

    private static String inFreshJvm() {
        try {
            String java = ProcessHandle.current().info().command().orElse("java");
            String classes = Path.of(MachineSpeed.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
            Process process = new ProcessBuilder(java, "-cp", classes, MachineSpeed.class.getName())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor() == 0 ? output : "not measured (" + output + ")";
        } catch (IOException | URISyntaxException e) {
            return "not measured (" + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "not measured (interrupted)";
        }
    }

    private static long work(int[] memory) {
        int x = 0x9E3779B9;
        long sum = 0;
        for (int step = 0; step < STEPS; step++) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            int index = x & (WORDS - 1);
            sum += memory[index];
            memory[index] = x;
        }
        return sum;
    }

    public static void main(String[] args) {
        System.out.printf(Locale.ROOT, "fixed work %.0f ms (more is slower)%n", millis());
    }
}
