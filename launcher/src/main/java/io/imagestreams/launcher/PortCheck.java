package io.imagestreams.launcher;

import java.util.ArrayList;
import java.util.List;

/** Checks, before anything starts, that every port the suite will listen on is free. */
final class PortCheck {

    private PortCheck() {
    }

    /** Fails naming each busy port, the component that wanted it and the variable that moves it. */
    static void requireFree(SuiteConfig config) {
        List<String> busy = new ArrayList<>();
        for (SuitePort port : SuitePort.values()) {
            if (!config.components().contains(port.component())) {
                continue;
            }
            int number = config.port(port);
            if (!FreePorts.isFree(number)) {
                busy.add("port " + number + " (for " + port.owner() + ") is already in use: stop what uses it, or set "
                        + port.environmentVariable() + " to another port");
            }
        }
        if (!busy.isEmpty()) {
            throw new LaunchException("cannot start the suite, nothing was started:\n  " + String.join("\n  ", busy));
        }
    }
}
