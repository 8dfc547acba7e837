package lvsdirector.daemon;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lvsdirector.config.DirectorConfig;
import lvsdirector.config.RealConfig;
import lvsdirector.config.VirtualConfig;
import lvsdirector.director.IpvsMapping;
import lvsdirector.ipvs.DestinationKey;
import lvsdirector.ipvs.IpvsBackend;
import lvsdirector.ipvs.IpvsException;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.sync.ConnectionRow;
import lvsdirector.ipvs.sync.TemplateProtocol;
import lvsdirector.ipvs.sync.RealRef;
import lvsdirector.ipvs.sync.RestoreInputs;
import lvsdirector.ipvs.sync.TemplateKey;

/**
 * Builds the restore decision's inputs: configured reals from the config, "down" from the table the
 * director programmed after its first check round (a real that is absent or at weight 0 takes no new
 * clients), and the template keys the kernel already holds.
 */
final class RestoreInputsFactory {
    private RestoreInputsFactory() {}

    static RestoreInputs build(long nowMs, DirectorConfig config, IpvsBackend backend, List<ConnectionRow> rows,
                               Set<RealRef> drained) throws IpvsException {
        Set<RealRef> configured = new HashSet<>();
        for (VirtualConfig v : config.virtuals()) {
            ServiceKey service = IpvsMapping.serviceKey(v);
            for (RealConfig r : v.reals()) {
                int port = IpvsMapping.storedPort(v, IpvsMapping.forwarding(r.forwarding()), r.port());
                configured.add(new RealRef(service, r.address(), port));
            }
        }
        Set<RealRef> down = new HashSet<>();
        Map<ServiceKey, Set<RealRef>> byService = configured.stream().collect(Collectors.groupingBy(RealRef::service,
                Collectors.toSet()));
        for (Map.Entry<ServiceKey, Set<RealRef>> e : byService.entrySet()) {
            Map<DestinationKey, Integer> weights = backend.service(e.getKey()).isPresent()
                    ? backend.destinations(e.getKey()).stream().collect(Collectors.toMap(
                            d -> d.destination().key(), d -> d.destination().weight(), (a, b) -> a))
                    : Map.of();
            for (RealRef real : e.getValue()) {
                Integer weight = weights.get(new DestinationKey(real.address(), real.port()));
                if (weight == null || weight == 0) {
                    down.add(real);
                }
            }
        }
        Set<TemplateKey> present = rows.stream().filter(ConnectionRow::isTemplate)
                .map(RestoreInputsFactory::keyOf).collect(Collectors.toSet());
        return new RestoreInputs(nowMs, configured, down, drained, present);
    }

    private static TemplateKey keyOf(ConnectionRow row) {
        return new TemplateKey(TemplateProtocol.ofLabel(row.protocol()).orElse(TemplateProtocol.IP), row.client(),
                row.virtualAddress(), row.virtualPort());
    }
}
