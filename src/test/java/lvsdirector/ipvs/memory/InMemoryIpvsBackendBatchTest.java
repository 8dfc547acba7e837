package lvsdirector.ipvs.memory;

import static lvsdirector.ipvs.memory.InMemoryIpvsBackendTest.WEB;
import static lvsdirector.ipvs.memory.InMemoryIpvsBackendTest.ip;
import static lvsdirector.ipvs.memory.InMemoryIpvsBackendTest.masq;
import static lvsdirector.ipvs.memory.InMemoryIpvsBackendTest.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import lvsdirector.ipvs.DestinationKey;
import lvsdirector.ipvs.IpvsBackend.OperationResult;
import lvsdirector.ipvs.IpvsException.Errno;
import lvsdirector.ipvs.IpvsOperation;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.VirtualService;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

class InMemoryIpvsBackendBatchTest {

    final InMemoryIpvsBackend backend = new InMemoryIpvsBackend();

    @Test
    void applyReportsEveryFailedOperationIndividuallyAndGoesOn() throws Exception {
        ServiceKey missing = tcp("10.0.0.9", 80);
        List<IpvsOperation> batch = List.of(
                new IpvsOperation.AddService(VirtualService.of(WEB, "wrr")),
                new IpvsOperation.AddService(VirtualService.of(WEB, "rr")),
                new IpvsOperation.AddDestination(WEB, masq("192.168.1.10", 80, 1)),
                new IpvsOperation.AddDestination(missing, masq("192.168.1.10", 80, 1)),
                new IpvsOperation.AddService(VirtualService.of(tcp("10.0.0.2", 80), "nosuch")),
                new IpvsOperation.EditDestination(WEB, masq("192.168.1.10", 80, 4)),
                new IpvsOperation.DeleteDestination(WEB, new DestinationKey(ip("192.168.1.99"), 80)),
                new IpvsOperation.DeleteService(missing));

        List<OperationResult> results = backend.apply(batch);

        assertThat(results).extracting(OperationResult::operation).containsExactlyElementsOf(batch);
        assertThat(results).extracting(r -> r.succeeded() ? null : r.error().errno())
                .containsExactly(null, Errno.EEXIST, null, Errno.ESRCH, Errno.ENOENT, null, Errno.ENOENT, Errno.ESRCH);
        assertThat(results).extracting(r -> r.succeeded() ? "" : r.error().getMessage()).containsExactly(
                "", "Service already exists", "", "Service not defined",
                "Scheduler or persistence engine not found", "", "No such destination", "No such service");
        assertThat(backend.destinations(WEB)).extracting(d -> d.destination().weight()).containsExactly(4);
        assertThat(backend.appliedOperations()).containsExactly(batch.get(0), batch.get(2), batch.get(5));
    }

    @Test
    void concurrentWritersNeitherLoseNorDuplicateDestinations() throws Exception {
        backend.addService(VirtualService.of(WEB, "rr"));
        int threads = 4;
        int perThread = 250;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> added = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                added.add(pool.submit(() -> {
                    start.await();
                    int ok = 0;
                    // every thread tries the same destinations: exactly one add of each may succeed
                    for (int i = 0; i < perThread; i++) {
                        List<OperationResult> r = backend.apply(List.of(new IpvsOperation.AddDestination(WEB,
                                masq("192.168." + (i / 200) + "." + (i % 200 + 1), 80, 1))));
                        ok += r.get(0).succeeded() ? 1 : 0;
                        backend.services();
                    }
                    return ok;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : added) {
                total += f.get(30, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(perThread);
            assertThat(backend.destinations(WEB)).hasSize(perThread);
        } finally {
            pool.shutdownNow();
        }
    }
}
