package lvsdirector.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import lvsdirector.check.CheckOutcome.Transition;
import lvsdirector.check.CheckResult.FailureReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EpilogueTest {

    private static CheckResult result(String kind) {
        return switch (kind) {
            case "ok" -> CheckResult.ok("200 OK", Duration.ZERO);
            case "fail" -> CheckResult.failed(FailureReason.REFUSED, "500 Can't connect", Duration.ZERO);
            case "maint" -> new CheckResult(false, "Server in maintenance", Duration.ZERO, true,
                    FailureReason.MAINTENANCE);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest(name = "{0} failures={1}/{2} + {3} -> {4} {5} failures={6}")
    @CsvSource({
        // health, failures, failureCount, result, → health, transition, failures
        "UP,   0, 1, ok,    UP,   NONE,           0",
        "UP,   0, 1, fail,  DOWN, WENT_DOWN,      1",
        "UP,   0, 3, fail,  UP,   SOFT_FAILURE,   1",
        "UP,   1, 3, fail,  UP,   SOFT_FAILURE,   2",
        "UP,   2, 3, fail,  DOWN, WENT_DOWN,      3",
        "UP,   2, 3, ok,    UP,   FAILURES_RESET, 2",
        "DOWN, 3, 3, fail,  DOWN, NONE,           3",
        "DOWN, 3, 3, ok,    UP,   WENT_UP,        3",
        "DOWN, 0, 1, ok,    UP,   WENT_UP,        0",
        "UP,   0, 5, maint, DOWN, WENT_DOWN,      0",
        "UP,   2, 5, maint, DOWN, WENT_DOWN,      2",
        "DOWN, 0, 5, maint, DOWN, NONE,           0"})
    void transitions(Health health, int failures, int failureCount, String result, Health expectedHealth,
                     Transition expectedTransition, int expectedFailures) {
        CheckResult r = result(result);
        CheckOutcome outcome = Epilogue.apply(health, failures, failureCount, r);

        assertThat(outcome.health()).isEqualTo(expectedHealth);
        assertThat(outcome.transition()).isEqualTo(expectedTransition);
        assertThat(outcome.failures()).isEqualTo(expectedFailures);
        assertThat(outcome.failureCount()).isEqualTo(failureCount);
        assertThat(outcome.result()).isSameAs(r);
        assertThat(Epilogue.counterAfter(outcome)).isEqualTo(r.success() ? 0 : expectedFailures);
    }
}
