package dev.coalmine.testing;

/** Argo Rollouts AnalysisTemplates the engine tests create on the demo cluster. */
public final class ArgoAnalysisTemplates {
    /**
     * {@code web-success-rate}: two checks 2 s apart, after 2 s, that the canary pods of Deployment
     * {@code args.deployment} answer at least 95 % of requests without a 5xx (the demo's metrics).
     */
    public static final String WEB_SUCCESS_RATE = """
            apiVersion: argoproj.io/v1alpha1
            kind: AnalysisTemplate
            metadata: {name: web-success-rate}
            spec:
              args: [{name: deployment}]
              metrics:
                - name: success-rate
                  interval: 2s
                  count: 2
                  initialDelay: 2s
                  successCondition: result[0] >= 95
                  provider:
                    prometheus:
                      query: sum(rate(http_requests_total{namespace="default",deployment="{{args.deployment}}",track="canary",code!~"5.."}[4s])) / sum(rate(http_requests_total{namespace="default",deployment="{{args.deployment}}",track="canary"}[4s])) * 100
            """;

    private ArgoAnalysisTemplates() {
    }
}
