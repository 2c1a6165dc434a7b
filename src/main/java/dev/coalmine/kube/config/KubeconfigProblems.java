package dev.coalmine.kube.config;

import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.File;
import java.nio.file.Path;

/** The operator-facing messages for a kubeconfig that cannot be used as it is. */
final class KubeconfigProblems {
    private KubeconfigProblems() {
    }

    static KubeconfigException contextNotFound(KubeconfigSet set, String name) {
        return new KubeconfigException("Context '" + name + "' is not defined in " + set.describeSources()
                + ". Available contexts: " + set.contextNames() + ".");
    }

    static KubeconfigException missingCluster(KubeconfigSet set, NamedContext context) {
        return new KubeconfigException("Context '" + context.getName() + "' (in " + fileOf(set, context)
                + ") names cluster '" + context.getContext().getCluster() + "', which is not defined in "
                + set.describeSources() + ". Add the cluster, or fix the context with 'kubectl config "
                + "set-context " + context.getName() + " --cluster=NAME'.");
    }

    static KubeconfigException missingUser(KubeconfigSet set, NamedContext context) {
        return new KubeconfigException("Context '" + context.getName() + "' (in " + fileOf(set, context)
                + ") names user '" + context.getContext().getUser() + "', which is not defined in "
                + set.describeSources() + ". Add the user's credentials, or fix the context with 'kubectl "
                + "config set-context " + context.getName() + " --user=NAME'.");
    }

    static KubeconfigException missingServer(KubeconfigSet set, NamedContext context) {
        String cluster = context.getContext().getCluster();
        return new KubeconfigException("Cluster '" + cluster + "' of context '" + context.getName() + "' (in "
                + fileOf(set, context) + ") has no server URL. Set it with 'kubectl config set-cluster "
                + cluster + " --server=https://HOST:PORT'.");
    }

    static KubeconfigException execPluginNotFound(KubeconfigSet set, NamedContext context, NamedAuthInfo user) {
        var exec = user.getUser().getExec();
        String hint = exec.getInstallHint() == null || exec.getInstallHint().isBlank()
                ? "" : " Install hint from the kubeconfig: " + exec.getInstallHint().strip();
        return new KubeconfigException("The credential plugin '" + exec.getCommand() + "' of user '"
                + user.getName() + "' (context '" + context.getName() + "', " + fileOf(set, context)
                + ") was found neither on this program's PATH nor on your login shell's PATH. Install it, "
                + "or put its absolute path in users[].user.exec.command." + hint);
    }

    static KubeconfigException execPluginGaveNothing(KubeconfigSet set, NamedContext context, NamedAuthInfo user) {
        return new KubeconfigException("The credential plugin '" + user.getUser().getExec().getCommand()
                + "' of user '" + user.getName() + "' (context '" + context.getName() + "') returned no token "
                + "or certificate. Run it in a terminal to see why (you may need to log in again), and check "
                + "that its apiVersion matches users[].user.exec.apiVersion in " + fileOf(set, context) + ".");
    }

    static KubeconfigException execPluginPrintedNoCredential(NamedContext context, NamedAuthInfo user, int bytes) {
        return new KubeconfigException("The exec plugin '" + user.getUser().getExec().getCommand() + "' of user '"
                + user.getName() + "' (context '" + context.getName() + "') printed something that is not an "
                + "ExecCredential (" + bytes + " bytes); run it by hand to see why.");
    }

    static KubeconfigException tokenFileUnreadable(KubeconfigSet set, NamedContext context, NamedAuthInfo user,
            Path file) {
        return new KubeconfigException("The token file " + file + " of user '" + user.getName() + "' (context '"
                + context.getName() + "', " + fileOf(set, context) + ") cannot be read. Check that it exists "
                + "and is readable, or log in again to recreate it.");
    }

    static KubeconfigException missingFile(KubeconfigSet set, NamedContext context, String what, String file) {
        return new KubeconfigException("The " + what + " (context '" + context.getName() + "', " + fileOf(set, context)
                + ") is " + file + ", which does not exist (a relative path counts from the kubeconfig's directory). "
                + "Fix the path or put the file there.");
    }

    static KubeconfigException certificateWithoutKey(KubeconfigSet set, NamedContext context, NamedAuthInfo user,
            boolean hasCertificate) {
        return new KubeconfigException("User '" + user.getName() + "' (context '" + context.getName() + "', "
                + fileOf(set, context) + ") has a client " + (hasCertificate ? "certificate but no key" : "key but no "
                + "certificate") + "; give both client-certificate and client-key (or their -data forms).");
    }

    static KubeconfigException credentialsFailed(KubeconfigSet set, NamedContext context, RuntimeException cause) {
        return new KubeconfigException("The credentials of context '" + context.getName() + "' (in "
                + fileOf(set, context) + ") could not be prepared (" + cause.getClass().getSimpleName()
                + "). Check the user's certificate, key and credential plugin settings with "
                + "'kubectl --context " + context.getName() + " version'.");
    }

    static String fileOf(KubeconfigSet set, NamedContext context) {
        File file = KubeConfigUtils.getFileWithNamedContext(context);
        return file == null ? set.describeSources() : file.toString();
    }
}
