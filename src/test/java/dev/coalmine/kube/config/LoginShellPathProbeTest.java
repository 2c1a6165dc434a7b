package dev.coalmine.kube.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginShellPathProbeTest {
    @TempDir
    Path dir;

    private Path shell(String body) throws IOException {
        Path script = dir.resolve("fake-shell");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    @Test
    void readsThePathAfterAnyProfileBannerAndAsksOnlyOnce() throws IOException {
        Path calls = dir.resolve("calls");
        // $1 is -lc, $2 the command; the banner imitates a chatty profile script.
        Path shell = shell("echo call >> '" + calls + "'\necho 'Welcome to the jump host'\n"
                + "PATH=/opt/tools/bin:/usr/bin; export PATH\nexec /bin/sh -c \"$2\"");
        var probe = new LoginShellPathProbe(shell.toString(), Duration.ofSeconds(20));

        assertThat(probe.lookup()).contains("/opt/tools/bin:/usr/bin");
        assertThat(probe.lookup()).contains("/opt/tools/bin:/usr/bin");
        assertThat(Files.readAllLines(calls)).hasSize(1);
    }

    @Test
    void aShellThatHangsCountsAsNoAnswer() throws IOException {
        var probe = new LoginShellPathProbe(shell("exec sleep 60").toString(), Duration.ofMillis(500));

        assertThat(probe.lookup()).isEmpty();
    }

    @Test
    void aMissingShellCountsAsNoAnswer() {
        assertThat(new LoginShellPathProbe(dir.resolve("no-shell").toString(), Duration.ofSeconds(5)).lookup()).isEmpty();
    }

    @Test
    void theRealLoginShellHasAPath() {
        assertThat(new LoginShellPathProbe("/bin/sh", Duration.ofSeconds(20)).lookup())
                .hasValueSatisfying(path -> assertThat(path).contains("/usr/bin"));
    }
}
