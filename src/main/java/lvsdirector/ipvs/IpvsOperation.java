package lvsdirector.ipvs;

import java.util.Objects;

/** One mutating IPVS request. A batch of these is what the director applies to a backend. */
public sealed interface IpvsOperation {

    /** The ipvsadm command line that has the same effect, as ldirectord would log it (without "ipvsadm "). */
    String ipvsadmArguments();

    record AddService(VirtualService service) implements IpvsOperation {
        public AddService {
            Objects.requireNonNull(service);
        }

        @Override
        public String ipvsadmArguments() {
            return IpvsadmSyntax.service("-A", service);
        }
    }

    record EditService(VirtualService service) implements IpvsOperation {
        public EditService {
            Objects.requireNonNull(service);
        }

        @Override
        public String ipvsadmArguments() {
            return IpvsadmSyntax.service("-E", service);
        }
    }

    record DeleteService(ServiceKey key) implements IpvsOperation {
        public DeleteService {
            Objects.requireNonNull(key);
        }

        @Override
        public String ipvsadmArguments() {
            return "-D " + key.ipvsadmSelector();
        }
    }

    record AddDestination(ServiceKey service, Destination destination) implements IpvsOperation {
        public AddDestination {
            Objects.requireNonNull(service);
            Objects.requireNonNull(destination);
        }

        @Override
        public String ipvsadmArguments() {
            return IpvsadmSyntax.destination("-a", service, destination);
        }
    }

    record EditDestination(ServiceKey service, Destination destination) implements IpvsOperation {
        public EditDestination {
            Objects.requireNonNull(service);
            Objects.requireNonNull(destination);
        }

        @Override
        public String ipvsadmArguments() {
            return IpvsadmSyntax.destination("-e", service, destination);
        }
    }

    record DeleteDestination(ServiceKey service, DestinationKey destination) implements IpvsOperation {
        public DeleteDestination {
            Objects.requireNonNull(service);
            Objects.requireNonNull(destination);
        }

        @Override
        public String ipvsadmArguments() {
            return "-d " + service.ipvsadmSelector() + " -r " + destination;
        }
    }
}
