package dev.regionguard.simulator;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one way a test boots the IBM Cloud simulator. As a static {@code @RegisterExtension} field it
 * serves the whole class; as an instance field, one test (the whole class when its lifecycle is
 * {@code PER_CLASS}). After every test it heals the faults of every region, so no test inherits
 * another's outage.
 *
 * <pre>{@code @RegisterExtension static final SimulatorFixture SIM = SimulatorFixture.regions("us-south", "eu-de");}</pre>
 */
public final class SimulatorFixture
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final String[] regions;
    private final UnaryOperator<IbmCloudSimulator.Builder> options;
    private IbmCloudSimulator simulator;
    private boolean perClass;

    private SimulatorFixture(String[] regions, UnaryOperator<IbmCloudSimulator.Builder> options) {
        this.regions = regions.clone();
        this.options = options;
    }

    public static SimulatorFixture regions(String... regions) {
        return new SimulatorFixture(regions, b -> b);
    }

    /** With builder options beyond the regions, e.g. a short token lifetime. */
    public SimulatorFixture with(UnaryOperator<IbmCloudSimulator.Builder> more) {
        return new SimulatorFixture(regions, b -> more.apply(options.apply(b)));
    }

    /** Starts the simulator now, outside JUnit's lifecycle; the caller closes it. */
    public IbmCloudSimulator startNow() {
        return options.apply(IbmCloudSimulator.builder().regions(regions))
                .build()
                .start();
    }

    public IbmCloudSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException(
                    "the simulator starts before the first test; register the fixture" + " with @RegisterExtension");
        }
        return simulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        simulator = startNow();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (simulator == null) {
            simulator = startNow();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            close();
            return;
        }
        for (String region : regions) {
            simulator.faults(region).clear();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void close() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }
}
