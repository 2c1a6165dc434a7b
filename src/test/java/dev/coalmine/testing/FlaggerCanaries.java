package dev.coalmine.testing;

/** Flagger Canaries the engine tests create on the demo cluster. */
public final class FlaggerCanaries {
    /** A Canary of Deployment {@code api} that advances 25 % every 2 s up to 50 %, two failed checks allowed. */
    public static final String FAST_API = """
            apiVersion: flagger.app/v1beta1
            kind: Canary
            metadata: {name: api}
            spec:
              targetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
              service: {port: 8080, targetPort: http}
              analysis:
                interval: 2s
                threshold: 2
                maxWeight: 50
                stepWeight: 25
                metrics:
                  - {name: request-success-rate, interval: 4s, thresholdRange: {min: 95}}
            """;

    private FlaggerCanaries() {
    }
}
