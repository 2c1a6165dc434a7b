package dev.coalmine.core.feed;

import dev.coalmine.FastTest;
import dev.coalmine.core.judge.Track;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

@FastTest
class ReleaseObjectNamesTest {
    private final ReleaseObjectNames names = new ReleaseObjectNames("web");

    @Test
    void deploymentsOfTheThreeTracks() {
        assertThat(names.trackOfDeployment("web")).contains(Track.STABLE);
        assertThat(names.trackOfDeployment("web-baseline")).contains(Track.BASELINE);
        assertThat(names.trackOfDeployment("web-canary")).contains(Track.CANARY);
        assertThat(names.trackOfDeployment("web-api")).isEmpty();
    }

    @Test
    void replicaSetsAreTheDeploymentNamePlusOneHash() {
        assertThat(names.trackOfReplicaSet("web-7d9f8c6b5")).contains(Track.STABLE);
        assertThat(names.trackOfReplicaSet("web-canary-7d9f8c6b5")).contains(Track.CANARY);
        assertThat(names.trackOfReplicaSet("web-baseline-6c5b4d3f2")).contains(Track.BASELINE);
        assertThat(names.trackOfReplicaSet("web-api-7d9f8c6b5")).isEmpty();
        assertThat(names.trackOfReplicaSet("web")).isEmpty();
    }

    @Test
    void podsAreTheReplicaSetNamePlusFiveCharacters() {
        assertThat(names.trackOfPod("web-7d9f8c6b5-abc12")).contains(Track.STABLE);
        assertThat(names.trackOfPod("web-canary-7d9f8c6b5-abc12")).contains(Track.CANARY);
        assertThat(names.trackOfPod("web-baseline-6c5b4d3f2-x9z8q")).contains(Track.BASELINE);
        assertThat(names.trackOfPod("web-api-7d9f8c6b5-abc12")).isEmpty();
        assertThat(names.trackOfPod("web-7d9f8c6b5-abc123")).isEmpty();
        assertThat(names.trackOfPod("webshop-7d9f8c6b5-abc12")).isEmpty();
    }

    @Test
    void otherKindsAreNotTracks() {
        assertThat(names.trackOf(new ObjectRef("Service", "web"))).isEqualTo(Optional.empty());
        assertThat(names.trackOf(new ObjectRef("Pod", "web-canary-7d9f8c6b5-abc12"))).contains(Track.CANARY);
    }

    @Test
    void objectsNamedAfterTheWorkload() {
        assertThat(names.isNamedAfterWorkload("web")).isTrue();
        assertThat(names.isNamedAfterWorkload("web-release")).isTrue();
        assertThat(names.isNamedAfterWorkload("coalmine-web")).isTrue();
        assertThat(names.isNamedAfterWorkload("webshop")).isFalse();
    }

    @Test
    void trackLabelsAndDeploymentNames() {
        assertThat(Track.CANARY.label()).isEqualTo("canary");
        assertThat(Track.BASELINE.workloadName("web")).isEqualTo("web-baseline");
    }
}
