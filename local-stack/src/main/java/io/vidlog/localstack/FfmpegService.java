package io.vidlog.localstack;

import org.bytedeco.javacpp.Loader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code ffmpeg} and {@code ffprobe} executables from the bytedeco FFmpeg build (GPL, with libx264),
 * unpacked from their jar into the distribution folder and reached through launcher scripts in {@code dist/bin}. Nothing runs until a transcode asks for it.
 */
final class FfmpegService implements LocalService {

    private static final String CACHE_DIR_PROPERTY = "org.bytedeco.javacpp.cachedir";
    /** Selects the GPL build's natives (the classifier {@code linux-x86_64-gpl}), the one with libx264. */
    private static final String PLATFORM_EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";

    private final LocalStackSettings settings;
    private String ffmpeg;
    private String ffprobe;

    FfmpegService(LocalStackSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "ffmpeg";
    }

    @Override
    public void start() throws Exception {
        Path cache = settings.dist().resolve("javacpp-cache");
        Files.createDirectories(cache);
        if (System.getProperty(CACHE_DIR_PROPERTY) == null) {
            System.setProperty(CACHE_DIR_PROPERTY, cache.toString());
        }
        System.setProperty(PLATFORM_EXTENSION_PROPERTY, "-gpl");
        try {
            ffmpeg = launcher(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
            ffprobe = launcher(Loader.load(org.bytedeco.ffmpeg.ffprobe.class));
        } catch (UnsatisfiedLinkError e) {
            throw new IllegalStateException("FFmpeg's libraries could not be loaded (" + e.getMessage()
                    + "). They need the Debian package libpulse0, which ./vidlog installs", e);
        }
    }

    /**
     * The executables find most of their libraries through their run path, but libavutil has none and needs
     * libva from the same folder: a launcher script next to them sets the library path for any caller.
     */
    private String launcher(String executable) throws IOException {
        Path binary = Path.of(executable);
        Path script = settings.dist().resolve("bin").resolve(binary.getFileName());
        Files.createDirectories(script.getParent());
        Files.writeString(script, "#!/bin/sh\n"
                + "LD_LIBRARY_PATH=\"" + binary.getParent() + "${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}\" exec \""
                + binary + "\" \"$@\"\n");
        if (!script.toFile().setExecutable(true)) {
            throw new IOException("Could not make " + script + " executable");
        }
        return script.toString();
    }

    @Override
    public Map<String, Object> springProperties() {
        return Map.of("vidlog.ffmpeg.path", ffmpeg, "vidlog.ffprobe.path", ffprobe);
    }

    @Override
    public void stop() {
        // executables only: nothing is running
    }
}
