package io.vidlog.app.health;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** UP when both {@code ffmpeg} and {@code ffprobe} run and report their version. */
@Component("ffmpegHealthIndicator")
class FfmpegHealthIndicator implements HealthIndicator {

    private static final long TIMEOUT_SECONDS = 10;

    private final Map<String, String> executables;

    FfmpegHealthIndicator(@Value("${vidlog.ffmpeg.path:ffmpeg}") String ffmpeg,
                          @Value("${vidlog.ffprobe.path:ffprobe}") String ffprobe) {
        this.executables = Map.of("ffmpeg", ffmpeg, "ffprobe", ffprobe);
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        for (Map.Entry<String, String> executable : executables.entrySet()) {
            try {
                health.withDetail(executable.getKey(), version(executable.getValue()));
            } catch (IOException | InterruptedException | IllegalStateException e) {
                return Health.down(e).withDetail(executable.getKey(), executable.getValue()).build();
            }
        }
        return health.build();
    }

    private static String version(String executable) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(executable, "-version").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(executable + " -version failed: " + output.lines().findFirst().orElse(""));
        }
        return output.lines().findFirst().orElse("");
    }
}
