package lvsdirector.check.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.ContextInternal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckLoopsTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "null, 1, 1", "null, 2, 2", "null, 4, 4", "null, 16, 4",
            "3, 1, 3", "' 6 ', 2, 6", "0, 2, 0", "-1, 8, 4", "many, 2, 2", "'', 2, 2", "-1, 1, 1"})
    void countIsThePropertyWhenZeroOrMoreElseCoresUpToFour(String property, int cores, int expected) {
        assertThat(CheckLoops.count(property, cores)).isEqualTo(expected);
    }

    @Test
    void loopsStartAfterHomeAndLeaveHomeAloneWhileThereAreEnough() {
        List<String> loops = List.of("L0", "L1", "L2", "L3");
        assertThat(CheckLoops.order(loops, "L0", 2)).containsExactly("L1", "L2");
        assertThat(CheckLoops.order(loops, "L2", 3)).containsExactly("L3", "L0", "L1");
        assertThat(CheckLoops.order(loops, "L1", 4)).containsExactly("L2", "L3", "L0", "L1");
    }

    @Test
    void moreLoopsAskedForThanExistAreReusedRoundRobin() {
        assertThat(CheckLoops.order(List.of("L0", "L1"), "L0", 3)).containsExactly("L1", "L0", "L1");
        assertThat(CheckLoops.order(List.of("L0"), "L0", 2)).containsExactly("L0", "L0");
    }

    @Test
    void contextsAreOnDistinctLoopsOtherThanTheHomeContexts() {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(4));
        try {
            Context home = vertx.getOrCreateContext();
            List<ContextInternal> contexts = CheckLoops.contexts(vertx, home, 3);
            Set<Object> loops = new HashSet<>();
            contexts.forEach(c -> loops.add(c.nettyEventLoop()));
            assertThat(loops).hasSize(3).doesNotContain(((ContextInternal) home).nettyEventLoop());
            assertThat(contexts).allMatch(Context::isEventLoopContext);
        } finally {
            vertx.close().await();
        }
    }

    @Test
    void countHomeIsTheHomeContextItself() {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        try {
            Context home = vertx.getOrCreateContext();
            assertThat(CheckLoops.contexts(vertx, home, CheckLoops.HOME)).containsExactly((ContextInternal) home);
        } finally {
            vertx.close().await();
        }
    }
}
