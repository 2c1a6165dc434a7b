package dev.coalmine.kube.traffic;

import dev.coalmine.core.CoalmineException;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Finds S, the operator's Service in front of stable: the one named by {@code --route}, or the only one selecting it. */
final class StableService {
    private final KubernetesClient client;

    StableService(KubernetesClient client) {
        this.client = client;
    }

    Service find(Deployment stable, String named, RoutingOwner owner) {
        String ns = stable.getMetadata().getNamespace();
        String name = stable.getMetadata().getName();
        Map<String, String> podLabels = stable.getSpec().getTemplate().getMetadata().getLabels();
        if (named != null) {
            Service service = client.services().inNamespace(ns).withName(named).get();
            if (service == null) {
                throw new CoalmineException("--route " + named + ": no Service " + named + " in namespace " + ns
                        + "; name the Service in front of " + name + " (kubectl get svc -n " + ns + ")");
            }
            if (!selects(service, podLabels)) {
                throw new CoalmineException("--route " + named + ": Service " + named + " does not select the pods of "
                        + name + " (its selector is " + service.getSpec().getSelector() + "); name the Service in "
                        + "front of " + name);
            }
            return service;
        }
        List<Service> candidates = client.services().inNamespace(ns).list().getItems().stream()
                .filter(s -> !owner.ours(s) && selects(s, podLabels)).toList();
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            throw new CoalmineException("no Service in namespace " + ns + " selects the pods of " + name + ": weighted "
                    + "routing splits the requests of that Service; create one, or name it with --route NAME");
        }
        throw new CoalmineException("several Services select the pods of " + name + " ("
                + candidates.stream().map(s -> s.getMetadata().getName()).collect(Collectors.joining(", "))
                + "): choose the one whose requests to split with --route NAME");
    }

    private static boolean selects(Service service, Map<String, String> podLabels) {
        Map<String, String> selector = service.getSpec() == null ? null : service.getSpec().getSelector();
        return selector != null && !selector.isEmpty() && podLabels != null
                && podLabels.entrySet().containsAll(selector.entrySet());
    }
}
