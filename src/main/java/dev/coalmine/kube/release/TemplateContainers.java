package dev.coalmine.kube.release;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.image.ImageReference;
import dev.coalmine.core.release.ImageChange;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which container of a pod template an {@link ImageChange} names: a container or an init container (a migration run
 * before the app is often versioned with it). One rule for every writer, so the Coalmine engine and a hand-off to
 * Argo Rollouts or Flagger accept the same {@code --image} arguments.
 */
final class TemplateContainers {
    private TemplateContainers() {
    }

    /** The container {@code change} gives its image; a change without a name needs a single container. */
    static Container changedBy(PodSpec pod, ImageChange change, String deployment) {
        List<Container> containers = pod.getContainers();
        if (change.container() == null) {
            if (containers.size() != 1) {
                throw new CoalmineException(deployment + " has containers " + names(containers)
                        + ": say which one gets the image, e.g. --image " + likelyContainer(containers, change.image())
                        + "=" + change.image());
            }
            return containers.get(0);
        }
        return Stream.concat(containers.stream(), initContainers(pod).stream())
                .filter(c -> change.container().equals(c.getName())).findFirst()
                .orElseThrow(() -> new CoalmineException(deployment + " has no container named " + change.container()
                        + "; " + described(pod)));
    }

    /** "its containers are app, envoy; its init containers migrate", for a message naming what exists. */
    static String described(PodSpec pod) {
        List<Container> init = initContainers(pod);
        return "its containers are " + names(pod.getContainers())
                + (init.isEmpty() ? "" : "; its init containers " + names(init));
    }

    static List<Container> initContainers(PodSpec pod) {
        return pod.getInitContainers() == null ? List.of() : pod.getInitContainers();
    }

    /** The container that runs another version of {@code image} now, else the first. */
    private static String likelyContainer(List<Container> containers, String image) {
        String repository = ImageReference.repositoryOf(image);
        return containers.stream().filter(c -> c.getImage() != null
                        && ImageReference.repositoryOf(c.getImage()).equals(repository))
                .map(Container::getName).findFirst().orElse(containers.get(0).getName());
    }

    private static String names(List<Container> containers) {
        return String.join(", ", containers.stream().map(Container::getName).toList());
    }
}
