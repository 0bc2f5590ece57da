package io.vidlog.localstack;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The installer's decisions, against a stand-in {@code bin/elasticsearch-plugin} that records its arguments and
 * does what the real one does to the plugins folder.
 */
class ElasticsearchPluginInstallerTest {

    @TempDir
    Path dist;
    private Path installation;
    private Path calls;
    private ElasticsearchPluginInstaller installer;

    @BeforeEach
    void fakeInstallation() throws IOException {
        installation = dist.resolve("elasticsearch-8.19.21");
        calls = dist.resolve("calls.txt");
        Files.createDirectories(installation.resolve("plugins"));
        Path cli = Files.createDirectories(installation.resolve("bin")).resolve("elasticsearch-plugin");
        Files.writeString(cli, """
                #!/bin/sh
                echo "$*" >> "$CALLS"
                case "$1" in
                  install) [ -n "$FAIL" ] && { echo "ERROR: jar hell!"; exit 70; }; mkdir plugins/vidlog-analysis ;;
                  remove) rm -r plugins/vidlog-analysis ;;
                esac
                """);
        assertThat(cli.toFile().setExecutable(true)).isTrue();
        installer = installer(Map.of("CALLS", calls.toString()));
    }

    private ElasticsearchPluginInstaller installer(Map<String, String> environment) {
        return new ElasticsearchPluginInstaller(installation, List.of(), environment, dist.resolve("plugin.log"));
    }

    @Test
    void installsAMissingPluginOnceAndKeepsItWhileTheZipIsUnchanged() throws IOException {
        Path zip = pluginZip("v1");
        installer.ensureInstalled(zip);
        installer.ensureInstalled(zip);

        assertThat(Files.readAllLines(calls)).containsExactly("install --batch " + zip.toUri());
        assertThat(installation.resolve("plugins/vidlog-analysis")).isDirectory();
    }

    @Test
    void replacesThePluginWhenTheZipChanges() throws IOException {
        installer.ensureInstalled(pluginZip("v1"));
        Path changed = pluginZip("v2");
        installer.ensureInstalled(changed);

        assertThat(Files.readAllLines(calls)).containsExactly(
                "install --batch " + changed.toUri(), "remove vidlog-analysis", "install --batch " + changed.toUri());
    }

    @Test
    void reinstallsAPluginRemovedFromTheInstallation() throws IOException {
        Path zip = pluginZip("v1");
        installer.ensureInstalled(zip);
        Files.delete(installation.resolve("plugins/vidlog-analysis"));
        installer.ensureInstalled(zip);

        assertThat(Files.readAllLines(calls)).containsExactly("install --batch " + zip.toUri(), "install --batch " + zip.toUri());
    }

    @Test
    void aFailedInstallFailsWithTheInstallersOutput() throws IOException {
        Path zip = pluginZip("v1");
        assertThatIllegalStateException()
                .isThrownBy(() -> installer(Map.of("CALLS", calls.toString(), "FAIL", "yes")).ensureInstalled(zip))
                .withMessageContaining("could not install plugin vidlog-analysis")
                .withMessageContaining("exit code 70")
                .withMessageContaining("ERROR: jar hell!");
    }

    @Test
    void aMissingZipFailsWithWhatToDo() {
        assertThatIllegalStateException()
                .isThrownBy(() -> installer.ensureInstalled(dist.resolve("search-analysis.zip")))
                .withMessageContaining("build the project with Maven first");
    }

    /** A plugin zip with a descriptor naming the plugin; {@code content} makes zips of different versions differ. */
    private Path pluginZip(String content) throws IOException {
        Path zip = dist.resolve("search-analysis.zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(file)) {
            entries.putNextEntry(new ZipEntry("stable-plugin-descriptor.properties"));
            entries.write(("name=vidlog-analysis\nversion=" + content + "\n").getBytes());
            entries.closeEntry();
        }
        return zip;
    }
}
