package dev.coalmine.cli.canary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.kube.config.KubeTarget;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FollowUpTest {
    private final FollowUp next = FollowUp.of(new KubeTarget(Optional.of(Path.of("/home/ana/my configs/prod")),
            Optional.of("prod-eu"), Optional.of("shop")), "web");

    @Test
    void suggestedCommandsCarryTheConnectionOptionsThatWereGiven() {
        assertThat(next.command("resume"))
                .isEqualTo("coalmine canary resume web --kubeconfig '/home/ana/my configs/prod' --context prod-eu -n shop");
        assertThat(FollowUp.of(KubeTarget.defaults(), "web").decide())
                .isEqualTo("decide with: coalmine canary promote web  or  coalmine canary reject web");
    }

    @Test
    void aStopWhileDrivingSaysHowToCarryOn() {
        StringWriter err = new StringWriter();
        ShutdownNotice notice = ShutdownNotice.register(new PrintWriter(err, true), next);
        assertThat(notice.unregister()).as("registered as a shutdown hook").isTrue();
        assertThat(ShutdownNotice.message(next)).isEqualTo("stopped: the release of web stays as it is in the cluster; "
                + "carry it on with: coalmine canary resume web --kubeconfig '/home/ana/my configs/prod' --context "
                + "prod-eu -n shop");
    }
}
