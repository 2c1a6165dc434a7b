package dev.coalmine.testing;

/** Manifests of the seeded demo cluster's workloads, as a team would keep them next to its code. */
public final class DemoManifests {
    private DemoManifests() {
    }

    /** {@code default/shop-frontend} as the demo runs it, on {@code image}, also reading Secret {@code secret}. */
    public static String frontend(String image, String secret) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: shop-frontend
                  labels: {app: shop-frontend, app.kubernetes.io/part-of: shop}
                spec:
                  replicas: 4
                  selector: {matchLabels: {app: shop-frontend}}
                  template:
                    metadata: {labels: {app: shop-frontend}}
                    spec:
                      containers:
                      - name: frontend
                        image: %s
                        ports: [{name: http, containerPort: 8080, protocol: TCP}]
                        readinessProbe:
                          httpGet: {path: /healthz, port: http}
                          initialDelaySeconds: 2
                          periodSeconds: 5
                        resources: {requests: {cpu: 100m, memory: 128Mi}}
                        envFrom:
                        - configMapRef: {name: shop-frontend-config}
                        - secretRef: {name: %s}
                """.formatted(image, secret);
    }
}
