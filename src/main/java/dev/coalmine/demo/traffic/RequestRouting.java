package dev.coalmine.demo.traffic;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where each Service's requests go. A Service that a route routes has its requests shared by the route's weights
 * among the backends, then by the {@link TrafficSplit} among each backend's ready pods; a Service that is only a
 * route's backend, or a track Service, receives no requests of its own (so nothing is counted twice); every
 * other Service shares its requests among the ready pods it selects. One route per Service: the first read.
 */
final class RequestRouting {
    /** One Service that receives requests, and the share of them each pod gets (the shares add up to 1 or less). */
    record Entry(String key, Map<Pod, Double> shares) {
    }

    private final TrafficSplit split;

    RequestRouting(TrafficSplit split) {
        this.split = split;
    }

    List<Entry> entries(List<Service> services, ServiceNames names, List<Pod> pods, List<Route> routes) {
        Map<String, Route> routeOf = new LinkedHashMap<>();
        Set<String> backendsOnly = new HashSet<>();
        for (Route route : routes) {
            entryService(route, names).ifPresent(service -> {
                if (routeOf.putIfAbsent(ServiceNames.key(route.namespace(), service), route) == null) {
                    route.backends().forEach(b -> backendsOnly.add(ServiceNames.key(route.namespace(), b.service())));
                }
            });
        }
        backendsOnly.removeAll(routeOf.keySet());
        List<Entry> entries = new ArrayList<>();
        for (Service service : services) {
            String namespace = service.getMetadata().getNamespace();
            String name = service.getMetadata().getName();
            String key = ServiceNames.key(namespace, name);
            Route route = routeOf.get(key);
            Map<Pod, Double> shares;
            if (route != null) {
                shares = weighted(route, names, pods);
            } else if (backendsOnly.contains(key) || names.isTrackService(namespace, name)) {
                continue;
            } else {
                List<Pod> ready = ServiceSelection.readyPodsSelectedBy(service, pods);
                shares = ready.isEmpty() ? Map.of() : split.shares(service, ready);
            }
            if (!shares.isEmpty()) {
                entries.add(new Entry(key, shares));
            }
        }
        return entries;
    }

    /** The Service a route names, else the operator's Service behind its first backend. */
    private static Optional<String> entryService(Route route, ServiceNames names) {
        String service = route.service();
        if (service == null) {
            service = route.backends().stream().map(Route.Backend::service).filter(s -> !s.isEmpty()).findFirst()
                    .map(s -> names.base(route.namespace(), s)).orElse(null);
        }
        return Optional.ofNullable(service).filter(s -> names.get(route.namespace(), s).isPresent());
    }

    private Map<Pod, Double> weighted(Route route, ServiceNames names, List<Pod> pods) {
        double total = route.backends().stream().mapToDouble(Route.Backend::weight).sum();
        Map<Pod, Double> shares = new LinkedHashMap<>();
        if (total <= 0) {
            return shares;
        }
        for (Route.Backend backend : route.backends()) {
            Optional<Service> service = names.get(route.namespace(), backend.service());
            if (backend.weight() <= 0 || service.isEmpty()) {
                continue;
            }
            List<Pod> ready = ServiceSelection.readyPodsSelectedBy(service.get(), pods).stream()
                    .filter(p -> carries(p, backend.podLabels())).toList();
            if (!ready.isEmpty()) {
                split.shares(service.get(), ready).forEach((pod, share) ->
                        shares.merge(pod, share * backend.weight() / total, Double::sum));
            }
        }
        return shares;
    }

    private static boolean carries(Pod pod, Map<String, String> labels) {
        Map<String, String> own = pod.getMetadata().getLabels();
        return labels.isEmpty() || own != null && own.entrySet().containsAll(labels.entrySet());
    }
}
