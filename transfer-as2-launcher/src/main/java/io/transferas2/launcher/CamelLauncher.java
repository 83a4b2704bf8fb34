package io.transferas2.launcher;

import org.apache.camel.dsl.jbang.core.commands.CamelJBangMain;

/**
 * The {@code camel} command line (Camel JBang 4.17) as a plain Java program: {@code java -cp ... CamelLauncher run
 * routes.camel.yaml}. {@link CamelJBangMain} has no {@code main} method of its own, and the jbang tool that normally
 * starts it is not needed: Maven has already put Camel, this build's component and the embedded S3 on the classpath.
 */
public final class CamelLauncher {

    private CamelLauncher() {
    }

    /** Runs a {@code camel} command; exits the JVM with its exit code. */
    public static void main(String[] args) {
        CamelJBangMain.run(args);
    }
}
